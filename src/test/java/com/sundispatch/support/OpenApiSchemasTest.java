package com.sundispatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.OpenApiSchemas.Divergence;

/**
 * The body check catches what Atlassian's validator lets through in an OpenAPI 3.1 document (types, nullability),
 * resolves component references against the whole document, and takes OpenAPI's own keywords as annotations.
 */
class OpenApiSchemasTest {

    /** Shaped like springdoc's output: a component with a reference, a nullable field, OpenAPI-only keywords. */
    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "paths": {
                "/api/v1/parcels/{id}": {
                  "get": {
                    "operationId": "parcelGet",
                    "responses": {
                      "200": {"description": "ok", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Parcel"}}}},
                      "404": {"$ref": "#/components/responses/NotFound"}
                    }
                  },
                  "put": {
                    "operationId": "parcelPut",
                    "requestBody": {"content": {"application/json": {
                      "schema": {"$ref": "#/components/schemas/ParcelRequest"}}}},
                    "responses": {"204": {"description": "stored"}}
                  }
                },
                "/api/v1/parcels/mine": {
                  "get": {
                    "operationId": "parcelMine",
                    "responses": {"2XX": {"description": "ok", "content": {"application/json": {
                      "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Parcel"}}}}}}
                  }
                }
              },
              "components": {
                "responses": {
                  "NotFound": {"description": "none", "content": {"application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"}}}}
                },
                "schemas": {
                  "Problem": {
                    "type": "object",
                    "required": ["code", "status"],
                    "properties": {"code": {"type": "string"}, "status": {"type": "integer"}}
                  },
                  "Parcel": {
                    "type": "object",
                    "required": ["id", "weightGrams", "label", "owner"],
                    "example": {"id": 1, "weightGrams": 10, "label": "a", "note": null,
                      "owner": {"kind": "person", "name": "x"}},
                    "xml": {"name": "parcel"},
                    "externalDocs": {"url": "https://example.org/parcels"},
                    "properties": {
                      "id": {"type": "integer", "format": "int64"},
                      "weightGrams": {"type": "integer", "format": "int32", "example": 10},
                      "label": {"type": "string"},
                      "note": {"type": ["string", "null"]},
                      "owner": {"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]}
                    }
                  },
                  "Owner": {
                    "oneOf": [{"$ref": "#/components/schemas/Person"}, {"$ref": "#/components/schemas/Company"}],
                    "discriminator": {"propertyName": "kind", "mapping": {
                      "person": "#/components/schemas/Person", "company": "#/components/schemas/Company"}}
                  },
                  "Person": {
                    "type": "object",
                    "required": ["kind", "name"],
                    "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}
                  },
                  "Company": {
                    "type": "object",
                    "required": ["kind", "vatId"],
                    "properties": {"kind": {"type": "string"}, "vatId": {"type": "string"}}
                  },
                  "ParcelRequest": {
                    "type": "object",
                    "required": ["label"],
                    "properties": {"label": {"type": "string", "maxLength": 5}}
                  }
                }
              }
            }
            """;

    private final OpenApiSchemas schemas = new OpenApiSchemas(DOCUMENT);

    private List<Divergence> parcel(String body) {
        return schemas.checkResponse("GET", "/api/v1/parcels/7", 200, "application/json", body);
    }

    @Test
    void aCorrectBodyPassesAndOpenApiKeywordsAreNoErrors() {
        assertThat(parcel("""
                {"id": 7, "weightGrams": 1200, "label": "panel", "note": null,
                 "owner": {"kind": "person", "name": "Ada"}}""")).isEmpty();
        assertThat(parcel("""
                {"id": 7, "weightGrams": 1200, "label": "panel", "note": "fragile", "owner": null}""")).isEmpty();
    }

    @Test
    void aWrongTypeIsCaught() {
        List<Divergence> found = parcel("""
                {"id": 7, "weightGrams": "heavy", "label": "panel", "owner": null}""");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.operation()).isEqualTo("GET /api/v1/parcels/{id}");
            assertThat(d.key()).isEqualTo("jsonschema.response.body.type");
            assertThat(d.message()).contains("weightGrams");
        });
    }

    @Test
    void aNullWhereTheDocumentSaysNotNullIsCaught() {
        List<Divergence> found = parcel("""
                {"id": 7, "weightGrams": 1, "label": null, "owner": null}""");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("jsonschema.response.body.type");
            assertThat(d.message()).contains("label").contains("null");
        });
    }

    @Test
    void aMissingRequiredPropertyIsCaughtAlsoInAReferencedSchema() {
        assertThat(parcel("""
                {"id": 7, "weightGrams": 1, "owner": null}""")).singleElement()
                .satisfies(d -> {
                    assertThat(d.key()).isEqualTo("jsonschema.response.body.required");
                    assertThat(d.message()).contains("label");
                });
        assertThat(parcel("""
                {"id": 7, "weightGrams": 1, "label": "a", "owner": {"kind": "person"}}""")).extracting(Divergence::key)
                .contains("jsonschema.response.body.required");
    }

    @Test
    void arraysRangeStatusesAndTheMostLiteralPathAreUsed() {
        assertThat(schemas.checkResponse("GET", "/api/v1/parcels/mine", 200, "application/json;charset=UTF-8",
                "[{\"id\": \"seven\", \"weightGrams\": 1, \"label\": \"a\", \"owner\": null}]"))
                .singleElement().satisfies(d -> {
                    assertThat(d.operation()).isEqualTo("GET /api/v1/parcels/mine");
                    assertThat(d.key()).isEqualTo("jsonschema.response.body.type");
                });
    }

    @Test
    void sharedResponsesByReferenceAreHeldToTheirSchemaToo() {
        assertThat(schemas.checkResponse("GET", "/api/v1/parcels/7", 404, "application/problem+json",
                "{\"code\": \"not_found\", \"status\": 404, \"suggestions\": []}")).isEmpty();
        assertThat(schemas.checkResponse("GET", "/api/v1/parcels/7", 404, "application/problem+json",
                "{\"code\": \"not_found\", \"status\": \"404\"}")).extracting(Divergence::key)
                .containsExactly("jsonschema.response.body.type");
    }

    @Test
    void requestBodiesAreHeldToTheirSchema() {
        assertThat(schemas.checkRequest("PUT", "/api/v1/parcels/7", "application/json", "{\"label\": \"ok\"}"))
                .isEmpty();
        assertThat(schemas.checkRequest("PUT", "/api/v1/parcels/7", "application/json", "{\"label\": 5}"))
                .extracting(Divergence::key).containsExactly("jsonschema.request.body.type");
    }

    @Test
    void whatTheDocumentDoesNotDescribeIsLeftToAtlassian() {
        assertThat(schemas.checkResponse("GET", "/api/v1/parcels/7", 409, "application/problem+json",
                "{\"code\": 1}")).isEmpty();
        assertThat(schemas.checkResponse("GET", "/api/v1/other", 200, "application/json", "{}")).isEmpty();
        assertThat(schemas.checkResponse("GET", "/api/v1/parcels/7", 200, "text/csv", "a,b")).isEmpty();
    }
}
