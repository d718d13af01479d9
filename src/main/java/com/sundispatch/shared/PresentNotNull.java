package com.sundispatch.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * For a string of a partial update ({@code @JsonDeserialize(using = PresentNotNull.class)} on the record
 * component): left out, it is null (unchanged); sent as {@code null}, the body is refused (400 on the field,
 * "must not be null"). Jackson otherwise gives a record the same null for both, and {@code Nulls.FAIL} refuses both.
 */
public final class PresentNotNull extends StdDeserializer<String> {

    public PresentNotNull() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        return ctxt.readValue(p, String.class);
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
        throw InvalidNullException.from(ctxt, null, ctxt.constructType(String.class));
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return null;
    }
}
