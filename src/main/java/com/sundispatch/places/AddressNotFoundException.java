package com.sundispatch.places;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.sundispatch.shared.ApiException;

/** 400 {@code address_not_found}: the address could not be placed; the problem lists what it might have meant. */
public class AddressNotFoundException extends ApiException {

    public static final String CODE = "address_not_found";

    private final transient List<Place> suggestions;

    public AddressNotFoundException(List<Place> suggestions) {
        super(HttpStatus.BAD_REQUEST, CODE, "We could not find this address. Check the postal code and town.");
        this.suggestions = List.copyOf(suggestions);
        with("suggestions", this.suggestions);
    }

    public List<Place> suggestions() {
        return suggestions;
    }
}
