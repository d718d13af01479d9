package com.sundispatch.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.sundispatch.files.BlobKeys;
import com.sundispatch.files.BlobStore;

/**
 * The development store: one file per blob under a directory, plus a sibling {@code .type} file for its content
 * type. Keys are checked against the only shape the server makes, so no key can leave the directory. Writes go
 * to a temporary file first and are moved into place, so a reader never sees half a photo.
 */
class FileSystemBlobStore implements BlobStore {

    private final Path root;

    FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = pathOf(key);
        Path dir = target.getParent();
        if (dir == null) {
            // pathOf always gives root/prefix/name; no key can name the file-system root.
            throw new IllegalArgumentException("not a blob key");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload", ".tmp");
            Files.write(tmp, content);
            Files.writeString(typeOf(target), contentType);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store blob", e);
        }
    }

    @Override
    public Optional<StoredBlob> get(String key) {
        Path path = pathOf(key);
        try {
            byte[] content = Files.readAllBytes(path);
            String type = Files.readString(typeOf(path)).trim();
            return Optional.of(new StoredBlob(content, type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read blob", e);
        }
    }

    @Override
    public void delete(String key) {
        Path path = pathOf(key);
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(typeOf(path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete blob", e);
        }
    }

    private Path pathOf(String key) {
        Path path = root.resolve(BlobKeys.checked(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a blob key");
        }
        return path;
    }

    private static Path typeOf(Path blob) {
        return blob.resolveSibling(blob.getFileName() + ".type");
    }
}
