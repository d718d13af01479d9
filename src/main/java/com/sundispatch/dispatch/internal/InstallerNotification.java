package com.sundispatch.dispatch.internal;

import java.util.Map;

/** Something an installer's own dispatch software should hear about through its webhook. */
record InstallerNotification(String installerId, String type, Map<String, Object> data) {
}
