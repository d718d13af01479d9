package com.sundispatch.files.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import com.sundispatch.files.BlobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesConfigurationTest {

    @TempDir
    Path dir;

    private FilesProperties properties(DataSize maxImage, String bucket, String endpoint) {
        return new FilesProperties(dir, maxImage, 40_000_000L, new FilesProperties.S3(bucket, endpoint, "eu-central-1"));
    }

    @Test
    void withoutABucketTheStoreIsTheFileSystemWithOneTheStoreIsS3() throws Exception {
        MockEnvironment environment = new MockEnvironment();
        FilesConfiguration configuration = new FilesConfiguration();

        assertThat(configuration.blobStore(properties(DataSize.ofMegabytes(10), "", ""), environment))
                .isInstanceOf(FileSystemBlobStore.class);
        BlobStore s3 = configuration.blobStore(properties(DataSize.ofMegabytes(10), "photos-bucket",
                "http://127.0.0.1:9"), environment);
        assertThat(s3).isInstanceOf(S3BlobStore.class);
        ((S3BlobStore) s3).close();
    }

    @Test
    void theUploadRouteCapMustHoldTheLargestPhotoAndItsFraming() {
        FilesProperties tenMegabytes = properties(DataSize.ofMegabytes(10), "", "");
        long needed = DataSize.ofMegabytes(10).toBytes() + 64 * 1024;

        FilesConfiguration.checkUploadCap(tenMegabytes, new MockEnvironment()
                .withProperty("sundispatch.security.transport.upload-max-bytes", Long.toString(needed)));
        FilesConfiguration.checkUploadCap(tenMegabytes, new MockEnvironment());
        assertThatThrownBy(() -> FilesConfiguration.checkUploadCap(tenMegabytes, new MockEnvironment()
                .withProperty("sundispatch.security.transport.upload-max-bytes", Long.toString(needed - 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("upload-max-bytes");
    }

    @Test
    void aFileSystemStoreThatCannotBeWrittenStopsTheStart(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> FilesConfiguration.checkWritable(file.resolve("blobs")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SUNDISPATCH_S3_BUCKET");
        FilesConfiguration.checkWritable(dir.resolve("blobs"));
        assertThat(Files.isDirectory(dir.resolve("blobs"))).isTrue();
    }
}
