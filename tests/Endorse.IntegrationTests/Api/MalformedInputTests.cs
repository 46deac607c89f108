using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Xunit.Abstractions;

namespace Endorse.IntegrationTests.Api;

/// <summary>
/// Walks every operation of the OpenAPI document (so an endpoint added later is walked too) with malformed input —
/// wrong types, nulls, huge and control-character strings, out-of-range numbers, invalid enums and dates, unknown
/// fields, malformed JSON and multipart, bad path ids — as an administrator and once without signing in, and fails
/// listing every operation and input that answered 5xx (or broke the connection), or a 4xx that is not a problem detail.
/// </summary>
public sealed class MalformedInputTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task No_operation_answers_a_server_error_for_malformed_input(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);
        var seed = await MalformedInputSeed.CreateAsync(app, admin);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var operations = OpenApiOperations.Read(document);
        Assert.True(operations.Count > 50, $"Only {operations.Count} operations in the OpenAPI document.");

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var sent = 0;
        var started = DateTime.UtcNow;

        // Four operations at a time (each walks its inputs in order), which also keeps the run short; deletions last,
        // one by one, so the other operations still find the seeded records.
        async Task WalkAsync(OpenApiOperation operation)
        {
            foreach (var probe in MalformedInputCases.For(operation, document, seed))
            {
                Interlocked.Increment(ref sent);
                if (await SendAsync(admin, operation, probe) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        await Parallel.ForEachAsync(
            operations.Where(o => o.Method != "DELETE"),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (operation, _) => await WalkAsync(operation));
        foreach (var operation in operations.Where(o => o.Method == "DELETE").OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            await WalkAsync(operation);
        }

        // The records the walk created or changed (extreme dates, huge names…) must not break any page of data either.
        foreach (var operation in operations.Where(o => o.Method == "GET"))
        {
            sent++;
            var failure = await SendAsync(admin, operation, MalformedInputCases.Plain(operation, document, seed) with { Label = "plain, after the walk" });
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        foreach (var operation in operations)
        {
            sent++;
            var failure = await SendAsync(anonymous, operation, MalformedInputCases.Plain(operation, document, seed));
            if (failure is not null)
            {
                failures.Add("(signed out) " + failure);
            }
        }

        output.WriteLine($"{database}: {operations.Count} operations, {sent} requests, {(DateTime.UtcNow - started).TotalSeconds:N0} s, {failures.Count} failures.");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} requests were answered badly:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal).Take(300)));
    }

    private static async Task<string?> SendAsync(HttpClient client, OpenApiOperation operation, Probe probe)
    {
        using var message = new HttpRequestMessage(new HttpMethod(operation.Method), probe.Url) { Content = probe.Content() };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("The path contains null characters", StringComparison.Ordinal))
        {
            // The test server refuses a NUL in the path before the app sees it, as Kestrel does (400).
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException)
        {
            return $"{operation.Method} {operation.Path} [{probe.Label}] → {e.GetType().Name}: {e.Message}";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
            {
                return $"{operation.Method} {operation.Path} [{probe.Label}] → {status}, body cut off: {e.Message}";
            }

            if (status >= 500)
            {
                return $"{operation.Method} {operation.Path} [{probe.Label}] → {status}";
            }

            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status >= 400 && status != (int)HttpStatusCode.Unauthorized && !problem)
            {
                return $"{operation.Method} {operation.Path} [{probe.Label}] → {status} without a problem detail ({response.Content.Headers.ContentType}): {Shorten(body)}";
            }

            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}

/// <summary>One operation of the OpenAPI document: method, path template, parameters and the request body's media types.</summary>
internal sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, IReadOnlyDictionary<string, JsonNode?> Body);

internal sealed record OpenApiParameter(string Name, string In, JsonNode? Schema);

internal static class OpenApiOperations
{
    public static List<OpenApiOperation> Read(JsonNode document)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "patch" or "delete"))
                {
                    continue;
                }

                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => new OpenApiParameter((string)p!["name"]!, (string)p["in"]!, p["schema"]))
                    .ToList();
                var body = (operation["requestBody"]?["content"]?.AsObject() ?? [])
                    .ToDictionary(c => c.Key, c => c.Value?["schema"]);
                operations.Add(new OpenApiOperation(method.ToUpperInvariant(), path, parameters, body));
            }
        }

        return operations;
    }
}

/// <summary>A request to send: the URL, a body and a label naming the malformed part.</summary>
internal sealed record Probe(string Label, string Url, Func<HttpContent?> Content);

/// <summary>The malformed inputs of one operation, built from its parameters' and body's schemas.</summary>
internal static class MalformedInputCases
{
    private const string Nul = "a\u0000b";
    private static readonly string Huge = new('x', 100_000);

    /// <summary>Strings as they go into a query string or path: encoded NUL, controls, a broken surrogate, huge, injection.</summary>
    private static readonly string[] BadTexts =
    [
        "a%00b", "%01%02%1F", "%0D%0Aheader: x", "%ED%A0%80", "%F0%28%8C%28", new string('y', 5_000), "'%3B drop table x --", "%E2%80%AE%EF%BF%BF",
    ];

    private static readonly string[] BadIntegers = ["abc", "2147483648", "-2147483649", "99999999999999999999", "1.5", "1e400", "-1", "0", "2147483647", ""];
    private static readonly string[] BadBooleans = ["maybe", "2", ""];
    private static readonly string[] BadDates = ["2026-13-45", "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "not-a-date", "-1"];
    private static readonly string[] BadEnums = ["NotAValue", "999", "-1", "0"];
    private static readonly string[] BadIds = ["0", "-1", "2147483647", "2147483648", "abc", "a%00b", "%01", new string('9', 300)];

    public static IEnumerable<Probe> For(OpenApiOperation operation, JsonNode document, MalformedInputSeed seed)
    {
        yield return Plain(operation, document, seed);

        foreach (var parameter in operation.Parameters)
        {
            var values = parameter.In == "path" ? BadIds : ValuesFor(parameter.Schema, document);
            foreach (var value in values)
            {
                var url = Url(operation, seed, parameter.Name, value);
                yield return new Probe($"{parameter.In} {parameter.Name}={Short(value)}", url, () => BaseContent(operation, document));
            }
        }

        if (operation.Body.TryGetValue("application/json", out var schema))
        {
            var url = Url(operation, seed);
            foreach (var (label, json) in WholeBodies())
            {
                yield return new Probe("body " + label, url, () => Json(json));
            }

            yield return new Probe("body as text/plain", url, () => new StringContent(Example(schema, document).ToJsonString(), Encoding.UTF8, "text/plain"));
            yield return new Probe("body as application/xml", url, () => new StringContent("<a>1</a>", Encoding.UTF8, "application/xml"));
            yield return new Probe("body with no content type", url, () => new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));
            yield return new Probe("body not UTF-8", url, () => new ByteArrayContent([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { { "Content-Type", "application/json" } } });

            var example = Example(schema, document);
            yield return new Probe("body unknown fields", url, () => Json(With(example, "zzUnknown", JsonValue.Create(1))?.ToJsonString() ?? "{}"));
            foreach (var (field, fieldSchema) in Properties(schema, document))
            {
                foreach (var (label, value) in BadJsonValues(fieldSchema, document))
                {
                    var body = With(example, field, value);
                    if (body is not null)
                    {
                        var text = body.ToJsonString().Replace("\"\\\\ud800\"", "\"\\ud800\"", StringComparison.Ordinal);
                        yield return new Probe($"body {field}={label}", url, () => Json(text));
                    }
                }
            }
        }

        if (operation.Body.ContainsKey("multipart/form-data"))
        {
            var url = Url(operation, seed);
            foreach (var (label, content) in Multiparts())
            {
                yield return new Probe("multipart " + label, url, content);
            }
        }
    }

    /// <summary>The operation with plausible values: a valid-looking call, to exercise the normal path.</summary>
    public static Probe Plain(OpenApiOperation operation, JsonNode document, MalformedInputSeed seed) =>
        new("plain", Url(operation, seed, null, null, plainQuery: true), () => BaseContent(operation, document));

    private static HttpContent? BaseContent(OpenApiOperation operation, JsonNode document)
    {
        if (operation.Body.TryGetValue("application/json", out var schema))
        {
            return Json(Example(schema, document).ToJsonString());
        }

        return operation.Body.ContainsKey("multipart/form-data") ? Multipart("Account.csv", "Id,Name\n001,Acme\n", ("format", "Salesforce")) : null;
    }

    private static IEnumerable<(string Label, string Json)> WholeBodies() =>
    [
        ("null", "null"), ("[]", "[]"), ("string", "\"x\""), ("number", "42"), ("true", "true"), ("empty", ""), ("{", "{"), ("truncated", "{\"a\":"),
        ("{}", "{}"), ("trailing garbage", "{} x"), ("deep nesting", new string('[', 5_000) + new string(']', 5_000)), ("NUL outside a string", "{\u0000}"),
        ("huge", "{\"x\":\"" + Huge + Huge + "\"}"),
    ];

    private static IEnumerable<(string Label, Func<HttpContent?> Content)> Multiparts()
    {
        yield return ("no boundary", () => new StringContent("--x\r\n\r\nnot multipart", Encoding.UTF8, "multipart/form-data"));
        yield return ("broken body", () =>
        {
            var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nId\r\n--", Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
            return content;
        }
        );
        yield return ("no file", () => new MultipartFormDataContent { { new StringContent("Salesforce"), "format" } });
        yield return ("empty file", () => Multipart("Account.csv", "", ("format", "Salesforce")));
        yield return ("file name with NUL", () => Multipart("Acc\u0000ount.csv", "Id,Name\n1,A\n", ("format", "Salesforce")));
        yield return ("file name with controls", () => Multipart("\u0001\u0002.csv", "Id,Name\n1,A\n", ("format", "Salesforce")));
        yield return ("huge file name", () => Multipart(new string('n', 5_000) + ".csv", "Id,Name\n1,A\n", ("format", "Salesforce")));
        yield return ("format unknown", () => Multipart("Account.csv", "Id,Name\n1,A\n", ("format", "Nope")));
        yield return ("format number", () => Multipart("Account.csv", "Id,Name\n1,A\n", ("format", "999")));
        yield return ("format NUL", () => Multipart("Account.csv", "Id,Name\n1,A\n", ("format", Nul)));
        yield return ("entity unknown", () => Multipart("Account.csv", "Id,Name\n1,A\n", ("format", "Salesforce"), ("entity", "999")));
        yield return ("mapping malformed", () => Multipart("a.csv", "Code,Company\n1,A\n", ("format", "GenericCsv"), ("entity", "Accounts"), ("mapping", "{")));
        yield return ("mapping wrong type", () => Multipart("a.csv", "Code,Company\n1,A\n", ("format", "GenericCsv"), ("entity", "Accounts"), ("mapping", "[1,2]")));
        yield return ("mapping NUL", () => Multipart("a.csv", "Code,Company\n1,A\n", ("format", "GenericCsv"), ("entity", "Accounts"), ("mapping", "{\"Id\":\"Co\\u0000de\",\"Name\":\"Company\"}")));
        yield return ("mapping huge", () => Multipart("a.csv", "Code,Company\n1,A\n", ("format", "GenericCsv"), ("entity", "Accounts"), ("mapping", "{\"Id\":\"" + Huge + "\"}")));
        yield return ("not UTF-8 file", () => Multipart("Account.csv", "Id,Name\n1,\u00ff\n", ("format", "Salesforce")));
        yield return ("JSON instead", () => Json("{\"format\":\"Salesforce\"}"));
    }

    /// <summary>A multipart body written byte by byte, so a file name may hold what HttpClient's headers refuse.</summary>
    private static ByteArrayContent Multipart(string fileName, string file, params (string Name, string Value)[] fields)
    {
        const string boundary = "endorse-boundary";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: text/csv\r\n\r\n");
        if (file.Contains('\u00ff', StringComparison.Ordinal))
        {
            body.Write([0x49, 0x64, 0x0A, 0xFF, 0xFE, 0x0A]);
        }
        else
        {
            Write(file);
        }

        Write("\r\n");
        foreach (var (name, value) in fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        Write($"--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Url(OpenApiOperation operation, MalformedInputSeed seed, string? badName = null, string? badValue = null, bool plainQuery = false)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = parameter.Name == badName ? badValue! : seed.IdFor(operation.Path, parameter.Name);
            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        var query = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            if (parameter.Name == badName)
            {
                query.Add(parameter.Name + "=" + badValue);
            }
            else if (plainQuery && PlainQueryValue(parameter) is { } value)
            {
                query.Add(parameter.Name + "=" + Uri.EscapeDataString(value));
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private static string? PlainQueryValue(OpenApiParameter parameter) => parameter.Name.ToLowerInvariant() switch
    {
        "search" => "a",
        "page" => "1",
        "pagesize" => "10",
        "desc" => "true",
        _ => null,
    };

    private static IEnumerable<string> ValuesFor(JsonNode? schema, JsonNode document)
    {
        var resolved = Resolve(schema, document);
        if (resolved?["enum"] is not null)
        {
            return [.. BadEnums, .. BadTexts.Take(2)];
        }

        var types = Types(resolved);
        if (types.Contains("integer") || types.Contains("number"))
        {
            return BadIntegers;
        }

        if (types.Contains("boolean"))
        {
            return BadBooleans;
        }

        return [.. BadTexts, .. BadDates];
    }

    private static IEnumerable<(string Label, JsonNode? Value)> BadJsonValues(JsonNode? schema, JsonNode document)
    {
        var resolved = Resolve(schema, document);
        yield return ("null", null);
        if (resolved?["enum"] is not null)
        {
            yield return ("\"NotAValue\"", JsonValue.Create("NotAValue"));
            yield return ("999", JsonValue.Create(999));
            yield return ("\"999\"", JsonValue.Create("999"));
            yield return ("NUL", JsonValue.Create(Nul));
            yield break;
        }

        var types = Types(resolved);
        var format = (string?)resolved?["format"];
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("\"abc\"", JsonValue.Create("abc"));
            yield return ("2147483648", JsonValue.Create(2147483648L));
            yield return ("-2147483649", JsonValue.Create(-2147483649L));
            yield return ("1e308", JsonNode.Parse("1e308"));
            yield return ("1.5", JsonValue.Create(1.5));
            yield return ("-1", JsonValue.Create(-1));
            yield return ("2147483647", JsonValue.Create(int.MaxValue));
            yield return ("true", JsonValue.Create(true));
        }
        else if (types.Contains("boolean"))
        {
            yield return ("\"yes\"", JsonValue.Create("yes"));
            yield return ("1", JsonValue.Create(1));
        }
        else if (types.Contains("array"))
        {
            yield return ("\"x\"", JsonValue.Create("x"));
            yield return ("{}", new JsonObject());
            yield return ("[null]", new JsonArray((JsonNode?)null));
            yield return ("[huge]", new JsonArray(JsonValue.Create(Huge)));
            yield return ("[int.MaxValue]", new JsonArray(JsonValue.Create(int.MaxValue)));
            yield return ("[-1]", new JsonArray(JsonValue.Create(-1)));
            yield return ("[1000 items]", new JsonArray([.. Enumerable.Range(1, 1000).Select(i => (JsonNode?)JsonValue.Create(i))]));
            var items = Resolve(resolved?["items"], document);
            if (items is not null && Types(items).Contains("object"))
            {
                yield return ("[bad item]", new JsonArray(BadObject(items, document)));
            }
        }
        else if (types.Contains("object"))
        {
            yield return ("\"x\"", JsonValue.Create("x"));
            yield return ("[]", new JsonArray());
            yield return ("{bad}", BadObject(resolved!, document));
        }
        else
        {
            yield return ("123", JsonValue.Create(123));
            yield return ("{}", new JsonObject());
            yield return ("huge", JsonValue.Create(Huge));
            yield return ("NUL", JsonValue.Create(Nul));
            yield return ("controls", JsonValue.Create("\u0001\u001b[31m"));
            yield return ("lone surrogate", JsonValue.Create("\\ud800"));
            yield return ("empty", JsonValue.Create(""));
            if (format is "date" or "date-time")
            {
                foreach (var date in BadDates)
                {
                    yield return ($"\"{date}\"", JsonValue.Create(date));
                }
            }
        }
    }

    /// <summary>An object of the schema whose every property holds a wrong or extreme value.</summary>
    private static JsonObject BadObject(JsonNode schema, JsonNode document)
    {
        var result = new JsonObject();
        foreach (var (name, property) in Properties(schema, document))
        {
            var resolved = Resolve(property, document);
            var types = Types(resolved);
            result[name] = resolved?["enum"] is not null ? JsonValue.Create("NotAValue")
                : types.Contains("integer") ? JsonValue.Create(int.MaxValue)
                : (string?)resolved?["format"] is "date" ? JsonValue.Create("9999-12-31")
                : (string?)resolved?["format"] is "date-time" ? JsonValue.Create("0001-01-01T00:00:00Z")
                : types.Contains("string") ? JsonValue.Create(Huge)
                : null;
        }

        return result;
    }

    private static JsonObject? With(JsonNode example, string field, JsonNode? value)
    {
        if (example is not JsonObject obj)
        {
            return null;
        }

        var copy = obj.DeepClone().AsObject();
        copy[field] = value?.DeepClone();
        return copy;
    }

    private static IEnumerable<(string Name, JsonNode? Schema)> Properties(JsonNode? schema, JsonNode document)
    {
        var resolved = Resolve(schema, document);
        if (resolved?["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                yield return (name, property);
            }
        }
        else if (resolved?["additionalProperties"] is JsonNode additional)
        {
            // A dictionary (fulfilment modes): a key with a bad value.
            yield return ("ReferenceCall", additional);
        }
    }

    /// <summary>A plausible value of the schema: a valid-looking body to break one field of at a time.</summary>
    private static JsonNode Example(JsonNode? schema, JsonNode document, int depth = 0)
    {
        var resolved = Resolve(schema, document);
        if (resolved?["enum"] is JsonArray values && values.Count > 0)
        {
            return values[Math.Min(1, values.Count - 1)]!.DeepClone();
        }

        var types = Types(resolved);
        var format = (string?)resolved?["format"];
        if (types.Contains("object") || resolved?["properties"] is not null || resolved?["additionalProperties"] is not null)
        {
            var result = new JsonObject();
            if (depth > 4)
            {
                return result;
            }

            foreach (var (name, property) in Properties(resolved, document))
            {
                result[name] = Example(property, document, depth + 1);
            }

            return result;
        }

        if (types.Contains("array"))
        {
            return depth > 4 ? new JsonArray() : new JsonArray(Example(resolved?["items"], document, depth + 1));
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(true);
        }

        return format switch
        {
            "date" => JsonValue.Create(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "date-time" => JsonValue.Create(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd'T'HH:00:00'Z'", CultureInfo.InvariantCulture)),
            _ => JsonValue.Create("Example " + Guid.NewGuid().ToString("N")[..6]),
        };
    }

    /// <summary>Follows $ref and takes the non-null branch of oneOf/anyOf.</summary>
    private static JsonNode? Resolve(JsonNode? schema, JsonNode document)
    {
        for (var i = 0; i < 10 && schema is not null; i++)
        {
            if ((string?)schema["$ref"] is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
                continue;
            }

            if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
            {
                schema = choices.FirstOrDefault(c => !Types(c).SequenceEqual(["null"])) ?? choices.FirstOrDefault();
                continue;
            }

            return schema;
        }

        return schema;
    }

    private static List<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray array => [.. array.Select(t => (string)t!)],
        JsonValue value => [(string)value!],
        _ => [],
    };

    private static string Short(string value) => value.Length <= 30 ? value : value[..30] + $"…({value.Length})";
}
