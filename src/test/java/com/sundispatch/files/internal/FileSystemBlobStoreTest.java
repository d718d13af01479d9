package com.sundispatch.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sundispatch.files.BlobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void whatIsPutComesBackWithItsContentType() {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
        String key = BlobStore.newKey("photos");

        store.put(key, new byte[] { 1, 2, 3 }, "image/png");

        BlobStore.StoredBlob blob = store.get(key).orElseThrow();
        assertThat(blob.content()).containsExactly(1, 2, 3);
        assertThat(blob.contentType()).isEqualTo("image/png");
        assertThat(dir.resolve("blobs").resolve(key)).isRegularFile();
    }

    @Test
    void aMissingKeyIsEmpty() {
        assertThat(new FileSystemBlobStore(dir).get(BlobStore.newKey("photos"))).isEmpty();
    }

    @Test
    void deleteRemovesTheBlobAndItsTypeAndDeletingAgainIsNotAnError() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        String key = BlobStore.newKey("photos");
        store.put(key, new byte[] { 9 }, "image/jpeg");

        store.delete(key);
        store.delete(key);

        assertThat(store.get(key)).isEmpty();
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void putReplacesOnlyItsOwnKeyAndLeavesNoTemporaryFiles() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        String first = BlobStore.newKey("photos");
        String second = BlobStore.newKey("photos");
        store.put(first, new byte[] { 1 }, "image/png");
        store.put(second, new byte[] { 2 }, "image/png");

        store.put(first, new byte[] { 3, 3 }, "image/jpeg");

        assertThat(store.get(first).orElseThrow().content()).containsExactly(3, 3);
        assertThat(store.get(first).orElseThrow().contentType()).isEqualTo("image/jpeg");
        assertThat(store.get(second).orElseThrow().content()).containsExactly(2);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void pathTraversalAndForeignKeysAreRefusedAndTouchNothingOutside() throws IOException {
        Path root = Files.createDirectories(dir.resolve("blobs"));
        Path outside = Files.writeString(dir.resolve("x"), "keep me");
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        String[] bad = { "../x", "photos/../../etc", "photos/../../x", "../blobs/photos/0123456789abcdef0123456789abcdef",
                "/etc/passwd", outside.toString(), "photos/0123456789abcdef0123456789abcdef/../../../x",
                "photos\\..\\..\\x", "photos/0123456789ABCDEF0123456789ABCDEF", "photos/", "photos", "",
                "photos/0123456789abcdef0123456789abcdef.type", "PHOTOS/0123456789abcdef0123456789abcdef" };
        for (String key : bad) {
            assertThatThrownBy(() -> store.put(key, new byte[] { 1 }, "image/png")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).hasContent("keep me");
        try (Stream<Path> inside = Files.list(root)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void keyPrefixesAreLowerCaseWordsOnly() {
        for (String prefix : new String[] { "..", "a/b", "", "Photos", "photos1", "x".repeat(21) }) {
            assertThatThrownBy(() -> BlobStore.newKey(prefix)).as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BlobStore.newKey("photos")).matches("photos/[0-9a-f]{32}").isNotEqualTo(BlobStore.newKey("photos"));
    }
}
