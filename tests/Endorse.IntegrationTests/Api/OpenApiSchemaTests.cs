using System.Text.Json.Nodes;
using Endorse.IntegrationTests.Infrastructure;

namespace Endorse.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document types every value, so a generated client (Kiota: scripts/check-api-client.sh) reads names as
/// strings and dates as dates, not as untyped nodes. Strings and dates pass through the API's own JSON converters, which
/// the schema generator alone describes as <c>{}</c> (any value).
/// </summary>
public sealed class OpenApiSchemaTests
{
    [Fact]
    public async Task Every_schema_in_the_document_has_a_type_and_strings_say_whether_they_may_be_null()
    {
        await using var app = new EndorseApp(TestDatabases.Sqlite);
        using var anonymous = app.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;

        var untyped = new List<string>();
        void Walk(JsonNode? node, string pointer, bool isSchema)
        {
            if (node is JsonObject obj)
            {
                if (isSchema && !obj.ContainsKey("type") && !obj.ContainsKey("$ref") && !obj.ContainsKey("oneOf") && !obj.ContainsKey("anyOf") && !obj.ContainsKey("allOf"))
                {
                    untyped.Add(pointer);
                }

                foreach (var (key, child) in obj)
                {
                    var inProperties = pointer.EndsWith("/properties", StringComparison.Ordinal) || pointer.EndsWith("/components/schemas", StringComparison.Ordinal);
                    Walk(child, pointer + "/" + key, inProperties || key is "schema" or "items" or "additionalProperties");
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{pointer}/{i}", pointer.EndsWith("/oneOf", StringComparison.Ordinal) || pointer.EndsWith("/anyOf", StringComparison.Ordinal) || pointer.EndsWith("/allOf", StringComparison.Ordinal));
                }
            }
        }

        Walk(document, "#", isSchema: false);
        Assert.True(untyped.Count == 0, $"{untyped.Count} schemas without a type, e.g.:\n{string.Join('\n', untyped.Take(20))}");

        var schemas = document["components"]!["schemas"]!;
        string Type(JsonNode schema) => schema["type"]!.ToJsonString();

        // string (not null) and string? ([null, string]) as the C# types declare them.
        Assert.Equal("\"string\"", Type(schemas["AccountListRow"]!["properties"]!["name"]!));
        Assert.Equal("[\"null\",\"string\"]", Type(schemas["AccountDetails"]!["properties"]!["website"]!));
        Assert.Equal("[\"null\",\"string\"]", Type(schemas["ProblemDetails"]!["properties"]!["title"]!));

        // DateOnly? and DateTimeOffset: strings of format date and date-time.
        var customerSince = schemas["AccountListRow"]!["properties"]!["customerSince"]!;
        Assert.Equal("[\"null\",\"string\"]", Type(customerSince));
        Assert.Equal("date", (string?)customerSince["format"]);
        var updatedAt = schemas["AccountDetails"]!["properties"]!["updatedAt"]!;
        Assert.Equal("\"string\"", Type(updatedAt));
        Assert.Equal("date-time", (string?)updatedAt["format"]);

        // A validation problem's errors: field → list of messages (strings).
        Assert.Equal("\"string\"", Type(schemas["HttpValidationProblemDetails"]!["properties"]!["errors"]!["additionalProperties"]!["items"]!));

        // A problem's title is the message of the exception a generated client throws.
        Assert.True((bool?)schemas["ProblemDetails"]!["properties"]!["title"]!["x-ms-primary-error-message"]);
        Assert.True((bool?)schemas["HttpValidationProblemDetails"]!["properties"]!["title"]!["x-ms-primary-error-message"]);

        // A query string parameter.
        var search = document["paths"]!["/api/v1/accounts"]!["get"]!["parameters"]!.AsArray().Single(p => string.Equals((string?)p!["name"], "search", StringComparison.OrdinalIgnoreCase))!;
        Assert.Equal("\"string\"", Type(search["schema"]!));
    }
}
