package com.callaudit.ui.player;

import com.callaudit.media.RelayedMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.concurrent.Task;

/**
 * Writes a recording's audio to a file the user chose, through the media relay (so it is
 * the same, converted audio that plays), reporting progress in bytes.
 *
 * <p>The audio goes to a temporary file beside the target, which is renamed over it only
 * when complete: a cancelled or failed save never leaves half a file under the chosen
 * name, nor replaces a good one.
 */
public final class SaveAudioTask extends Task<Path> {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final RelayedMedia media;
    private final Path target;

    public SaveAudioTask(RelayedMedia media, Path target) {
        this.media = media;
        this.target = target;
    }

    @Override
    protected Path call() throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, ".callaudit-", ".part");
        try {
            copyFromRelay(partial);
            moveOver(partial);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void copyFromRelay(Path partial) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) media.localUri().toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        try {
            if (connection.getResponseCode() != 200) {
                throw new IOException("The recording could not be fetched: "
                        + media.progress().failureReason());
            }
            long total = connection.getContentLengthLong();
            try (InputStream in = connection.getInputStream();
                    OutputStream out = Files.newOutputStream(partial)) {
                copy(in, out, total);
            }
        } finally {
            connection.disconnect();
        }
    }

    private void copy(InputStream in, OutputStream out, long total) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (isCancelled()) {
                throw new IOException("Saving was cancelled.");
            }
            out.write(buffer, 0, read);
            written += read;
            updateProgress(written, total > 0 ? total : -1);
        }
    }

    private void moveOver(Path partial) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
