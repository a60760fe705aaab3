package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Recordings fetched in a session do not outlive the app, however it ends. */
class SessionCacheExitTest {

    @Test
    void closingTheCacheDeletesItsFolder() throws Exception {
        SessionCache cache = new SessionCache(1_000_000);
        Files.write(cache.folder().resolve("1-recording.wav"), new byte[4096]);

        cache.close();

        assertThat(cache.folder()).doesNotExist();
    }

    @Test
    void anAppEndedByASignalLeavesNoRecordingBehind() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), CacheHoldingProcess.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            Path folder;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(
                    holder.getInputStream(), StandardCharsets.UTF_8))) {
                folder = Path.of(out.readLine());
                assertThat(folder.resolve("1-recording.wav")).exists();

                holder.destroy();

                assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(folder).doesNotExist();
        } finally {
            holder.destroyForcibly();
        }
    }
}
