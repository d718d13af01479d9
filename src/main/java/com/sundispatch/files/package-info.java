/**
 * Files people upload: the {@link BlobStore} port (a file-system store for development, an
 * S3 store for production, both addressed only by random keys the server makes) and the upload policy for
 * images (type by magic bytes, size and pixel caps, server-side re-encoding that drops every piece of metadata).
 * Other modules keep their own records of what a blob belongs to and who may read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files", allowedDependencies = { "security",
        "shared" })
package com.sundispatch.files;
