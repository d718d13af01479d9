package com.sundispatch.catalog.internal;

/** The cell technology of a panel, as datasheets name it. */
public enum CellType {
    MONO_PERC, TOPCON, HJT, IBC, POLY, CIGS, CDTE
}
