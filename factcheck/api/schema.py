"""OpenAPI additions: every operation documents the JSON errors it can answer with."""

ERROR_RESPONSES = {
    "400": "The request is not valid; the body names each field's problem.",
    "401": "Authentication is needed (a token or a session).",
    "403": "Only editors may do this.",
    "404": "No such object or address.",
    "405": "This method is not allowed here.",
    "409": "Someone else changed the object since the version you edited.",
    "429": "Too many requests; wait and try again (see Retry-After).",
    "503": "The search index is being rebuilt; try again in a few minutes.",
}

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: document JSON error bodies on every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if method not in {"get", "post", "put", "patch", "delete", "head", "options"}:
                continue
            responses = operation.setdefault("responses", {})
            for code, description in ERROR_RESPONSES.items():
                if code == "409" and method == "get":
                    continue
                if code == "503" and "search" not in operation.get("operationId", ""):
                    continue
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result
