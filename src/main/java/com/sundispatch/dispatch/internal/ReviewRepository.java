package com.sundispatch.dispatch.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRepository extends JpaRepository<Review, String> {
}
