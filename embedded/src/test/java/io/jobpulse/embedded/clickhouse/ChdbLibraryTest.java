package io.jobpulse.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChdbLibraryTest {

    @Test
    void thePinnedDistributionComesFromTheFilteredBuildResource() {
        ChdbLibrary.Distribution distribution = ChdbLibrary.Distribution.pinned();
        assertThat(distribution.npmPackage()).isEqualTo("@chdb/lib-linux-x64-gnu");
        assertThat(distribution.version()).isEqualTo("26.7.3-stable.1");
        assertThat(distribution.integrity()).startsWith("sha512-XP97mMqnc5tZpKQ");
    }

    @Test
    void aTarballWithTheWrongHashIsRefused(@TempDir Path directory) throws Exception {
        Path tarball = Files.writeString(directory.resolve("pkg.tgz"), "not the package you vetted");
        String actual = "sha512-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(tarball)));

        assertThatCode(() -> ChdbLibrary.verifyIntegrity(tarball, actual)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ChdbLibrary.verifyIntegrity(tarball, ChdbLibrary.Distribution.pinned().integrity()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed its integrity check")
                .hasMessageContaining(actual);
    }

    @Test
    void anAlreadyCachedLibraryIsUsedWithoutFetching(@TempDir Path versionDirectory) throws Exception {
        Path cached = Files.write(versionDirectory.resolve("libchdb.so"), "cached".getBytes(StandardCharsets.US_ASCII));
        ChdbLibrary.Distribution unreachable = new ChdbLibrary.Distribution("@jobpulse/does-not-exist", "0.0.0", "sha512-x");
        assertThat(ChdbLibrary.locate(unreachable, versionDirectory)).isEqualTo(cached);
    }
}
