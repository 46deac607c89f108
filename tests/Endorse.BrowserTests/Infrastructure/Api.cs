using System.Net.Http.Json;
using System.Text.Json;

namespace Endorse.BrowserTests.Infrastructure;

/// <summary>Creates the records a browser test needs through the public API, as a real integration would.</summary>
public static class Api
{
    public static async Task<int> CreateAccountAsync(HttpClient api, string name, string? country = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/accounts", new { name, country });
        Assert.True(response.IsSuccessStatusCode, $"Creating account {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await IdOfAsync(response);
    }

    public static async Task<int> CreateContactAsync(HttpClient api, int accountId, string firstName, string lastName, string title)
    {
        var response = await api.PostAsJsonAsync("/api/v1/contacts", new { accountId, firstName, lastName, title, email = $"{firstName}.{lastName}@example.com".ToLowerInvariant() });
        Assert.True(response.IsSuccessStatusCode, $"Creating contact {firstName} {lastName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await IdOfAsync(response);
    }

    private static async Task<int> IdOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>A word no demo or earlier test record starts with (letters only, so prefix search sees it whole).</summary>
    public static string UniqueWord(string start)
    {
        const string Letters = "bcdfghjklmnpqrstvwxz";
        var random = Random.Shared;
        return start + string.Concat(Enumerable.Range(0, 6).Select(_ => Letters[random.Next(Letters.Length)]));
    }
}
