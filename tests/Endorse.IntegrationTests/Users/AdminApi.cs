using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Endorse.Audit;
using Endorse.Data;
using Endorse.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Users;

/// <summary>Helpers shared by the users, tokens and audit tests.</summary>
internal static class AdminApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>The field errors of a 400 problem details answer.</summary>
    public static async Task<Dictionary<string, string[]>> FieldErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public static Task<List<AuditEntry>> AuditAsync(this EndorseApp app, string entityId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());

    public static Task<int> CountAsync(this EndorseApp app, Func<EndorseDbContext, Task<int>> count) => app.WithDbAsync(count);
}
