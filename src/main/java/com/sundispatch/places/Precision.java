package com.sundispatch.places;

/** How exactly a {@link Place} was placed: to the house, to the postal-code area, or to the town only. */
public enum Precision {
    ADDRESS, POSTAL_CODE, CITY
}
