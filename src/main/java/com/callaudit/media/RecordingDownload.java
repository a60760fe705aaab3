package com.callaudit.media;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.SpaceAddress;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one recording from the space into its cache file, checking and converting it
 * on the way, and reports every stored block to its {@link RelayedMedia}. Runs on a
 * fetch thread of the relay.
 */
final class RecordingDownload implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingDownload.class);
    private static final int COPY_BYTES = 16 * 1024;

    private final RelayedMedia media;
    private final URI mediaUrl;
    private final SpaceAddress space;
    private final Credentials credentials;
    private final SpaceMediaClient client;
    private final SessionCache cache;

    RecordingDownload(RelayedMedia media, URI mediaUrl, SpaceAddress space,
            Credentials credentials, SpaceMediaClient client, SessionCache cache) {
        this.media = media;
        this.mediaUrl = mediaUrl;
        this.space = space;
        this.credentials = credentials;
        this.client = client;
        this.cache = cache;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            fetch();
            if (media.complete()) {
                logCompleted(started);
            }
        } catch (FetchFailure failure) {
            media.fail(failure.getMessage(), failure.relayStatus());
            logEnded(failure.getMessage());
        } catch (IOException e) {
            FetchFailure failure = client.describeFailure(e, mediaUrl);
            media.fail(failure.getMessage(), failure.relayStatus());
            logEnded(failure.getMessage());
        } catch (RuntimeException e) {
            // Waiting players must learn of the failure rather than wait in vain.
            media.fail("The recording could not be fetched (internal error: "
                    + e.getClass().getSimpleName() + ").", FetchFailure.BAD_GATEWAY);
            LOG.error("relay fetch of recording {} {} crashed", media.recordingSid(),
                    media.format().extension(), e);
        } finally {
            cache.fetchEnded(media);
        }
    }

    private void fetch() throws FetchFailure, IOException {
        try (FileChannel out = FileChannel.open(media.file(),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                SpaceMediaClient.OpenMedia response =
                        client.open(mediaUrl, space, credentials, media::attachRequest)) {
            long remoteLength = response.contentLength();
            CountingStream counted = new CountingStream(response.body());
            byte[] prefix = counted.readNBytes(AudioSniffer.PREFIX_BYTES);
            AudioSniffer.check(prefix, prefix.length, media.format());
            InputStream audio = new SequenceInputStream(
                    new ByteArrayInputStream(prefix), counted);
            Sink sink = new Sink(out, counted);
            if (media.format() == MediaFormat.WAV) {
                relayWav(audio, remoteLength, sink);
            } else {
                relayAsIs(audio, remoteLength, sink);
            }
        }
    }

    private void relayAsIs(InputStream audio, long remoteLength, Sink sink)
            throws IOException, FetchFailure {
        media.announce(remoteLength, remoteLength);
        byte[] buffer = new byte[COPY_BYTES];
        int read;
        while ((read = audio.read(buffer)) >= 0) {
            sink.write(buffer, read);
        }
        if (remoteLength >= 0 && sink.written < remoteLength) {
            throw endedEarly(sink.written, remoteLength);
        }
    }

    private void relayWav(InputStream audio, long remoteLength, Sink sink)
            throws IOException, FetchFailure {
        WavHeader header;
        try {
            header = WavHeader.read(audio);
        } catch (MalformedWavException e) {
            throw new FetchFailure("The WAV file is damaged: " + e.getMessage());
        }
        WavTranscoder transcoder = WavTranscoder.plan(header, remoteLength);
        media.announce(transcoder.outputLength(), remoteLength);
        logConversion(header, transcoder);
        byte[] outputHeader = transcoder.outputHeader();
        sink.write(outputHeader, outputHeader.length);

        byte[] in = new byte[transcoder.blockBytes()];
        byte[] out = new byte[2 * in.length];
        long left = transcoder.inputDataLength();
        while (left > 0) {
            int read = audio.read(in, 0, (int) Math.min(in.length, left));
            if (read < 0) {
                throw endedEarly(sink.written, transcoder.outputLength());
            }
            sink.write(out, transcoder.convert(in, read, out));
            left -= read;
        }
    }

    private FetchFailure endedEarly(long got, long expected) {
        return new FetchFailure("The space stopped sending the recording after "
                + HumanSize.of(got) + " of " + HumanSize.of(expected) + ".");
    }

    private void logConversion(WavHeader header, WavTranscoder transcoder) {
        if (transcoder.decodesSamples() || header.isExtensible()) {
            LOG.info("relay converts recording {} .wav from format {}{} to plain PCM",
                    media.recordingSid(), header.formatTag(),
                    header.isExtensible() ? " (extensible)" : "");
        }
    }

    private void logCompleted(long started) {
        FetchProgress done = media.progress();
        LOG.info("relay fetch of recording {} {}: 200, {} in {} ms",
                media.recordingSid(), media.format().extension(),
                HumanSize.of(done.bytesFetched()),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void logEnded(String reason) {
        if (media.isCancelled()) {
            LOG.info("relay fetch of recording {} {} cancelled after {}",
                    media.recordingSid(), media.format().extension(),
                    HumanSize.of(media.progress().bytesFetched()));
        } else {
            LOG.warn("relay fetch of recording {} {} failed: {}",
                    media.recordingSid(), media.format().extension(), reason);
        }
    }

    /** Writes served bytes to the cache file and tells the media after each block. */
    private final class Sink {
        private final FileChannel out;
        private final CountingStream fetched;
        private long written;

        Sink(FileChannel out, CountingStream fetched) {
            this.out = out;
            this.fetched = fetched;
        }

        void write(byte[] bytes, int length) throws IOException, FetchFailure {
            if (media.isCancelled()) {
                throw new FetchFailure("The download was cancelled.");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
            while (buffer.hasRemaining()) {
                written += out.write(buffer);
            }
            media.stored(written, fetched.count);
        }
    }

    /** Counts the bytes that arrive from the space, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Sizes as people read them: 950 bytes, 1.2 MB. */
    static final class HumanSize {
        private HumanSize() {
        }

        static String of(long bytes) {
            if (bytes < 1000) {
                return bytes + " bytes";
            }
            if (bytes < 1_000_000) {
                return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
            }
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }
}
