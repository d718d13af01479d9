package com.sundispatch.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web client is one page; links that arrive by mail (and the sandbox checkout) open it at these paths.
 * Their tokens travel in the URL fragment, which never reaches the server.
 */
@Controller
class WebClientRoutes {

    @GetMapping({ "/verify-email", "/reset-password", "/confirm-email-change", "/undo-email-change",
            "/sandbox-checkout", "/data-export", "/keep-account" })
    String app() {
        return "forward:/index.html";
    }
}
