package com.sundispatch.files.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.files.BlobStore;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

    @Bean
    BlobStore blobStore(FilesProperties properties) {
        return new FileSystemBlobStore(properties.directory());
    }
}
