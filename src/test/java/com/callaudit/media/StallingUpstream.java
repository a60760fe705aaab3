package com.callaudit.media;

import com.callaudit.api.SpaceAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw one-connection server that sends the start of a recording and then goes quiet,
 * watching for the client to close the connection: only an aborted request does that.
 */
final class StallingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] recording;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private final Thread thread;

    private StallingUpstream(byte[] recording) throws IOException {
        this.recording = recording;
        this.server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        this.thread = new Thread(this::serveOnce, "stalling-upstream");
        thread.setDaemon(true);
        thread.start();
    }

    static StallingUpstream start(byte[] recording) throws IOException {
        return new StallingUpstream(recording);
    }

    SpaceAddress address() {
        return SpaceAddress.loopback(server.getLocalPort());
    }

    URI recording() {
        return address().resolve(FakeSpace.RECORDINGS + "RE1.wav");
    }

    boolean awaitStall(Duration wait) throws InterruptedException {
        return stalled.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitClientGone(Duration wait) throws InterruptedException {
        return clientGone.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serveOnce() {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            skipRequestHeaders(in);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + recording.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(recording, 0, 4096);
            out.flush();
            stalled.countDown();
            if (in.read() < 0) {
                clientGone.countDown();
            }
        } catch (java.net.SocketTimeoutException e) {
            // The client kept the connection open: it was not aborted.
        } catch (IOException e) {
            // A reset connection is the client going away too.
            clientGone.countDown();
        }
    }

    private static void skipRequestHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
