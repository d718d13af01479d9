package com.sundispatch.dispatch.internal;


import org.springframework.data.jpa.repository.JpaRepository;

interface InstallerWebhookRepository extends JpaRepository<InstallerWebhook, String> {
}
