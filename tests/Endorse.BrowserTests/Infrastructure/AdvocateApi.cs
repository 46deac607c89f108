using System.Net.Http.Json;
using System.Text.Json;

namespace Endorse.BrowserTests.Infrastructure;

/// <summary>Enrols advocates through the public API for the browser tests that need one.</summary>
public static class AdvocateApi
{
    private static readonly string[] ReferenceCalls = ["ReferenceCall"];

    public static async Task<int> EnrolAsync(HttpClient api, int contactId)
    {
        ArgumentNullException.ThrowIfNull(api);
        var response = await api.PostAsJsonAsync("/api/v1/advocates", new { contactId, activityTypes = ReferenceCalls });
        Assert.True(response.IsSuccessStatusCode, $"Enrolling contact {contactId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }
}
