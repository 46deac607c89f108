using System.Net;
using Endorse.Accounts;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;

namespace Endorse.IntegrationTests.Nominations;

/// <summary>Seeding helpers for the nomination tests.</summary>
internal static class NominationTestData
{
    private static readonly string[] ReferenceCalls = ["ReferenceCall"];

    /// <summary>A customer account (customer since 2020, named and public), optionally owned by <paramref name="ownerId"/>.</summary>
    public static Task<int> AddCustomerAsync(this EndorseApp app, string name, string? ownerId = null, Action<Account>? configure = null) =>
        app.AddAccountAsync(name, a =>
        {
            a.CustomerSince = new DateOnly(2020, 3, 1);
            a.OwnerId = ownerId;
            a.DisclosurePermission = DisclosurePermission.NamedPublic;
            configure?.Invoke(a);
        });

    /// <summary>Nominates through the API and returns the nomination's id (asserting it was created).</summary>
    public static async Task<int> NominateAsync(this HttpClient client, int contactId, string kind = "HappyCustomer", bool reserve = false)
    {
        var response = await client.PostJsonAsync("/api/v1/nominations", new { contactId, kind, reason = "Very happy with the roll-out.", activityTypes = ReferenceCalls, reserveForMe = reserve });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (int)(await response.ReadJsonAsync())["id"]!;
    }

    /// <summary>Posts a step and returns the nomination (asserting it succeeded).</summary>
    public static async Task<System.Text.Json.Nodes.JsonNode> StepAsync(this HttpClient client, int id, string step, string? note = null)
    {
        var response = note is null
            ? await client.PostAsync($"/api/v1/nominations/{id}/{step}", null)
            : await client.PostJsonAsync($"/api/v1/nominations/{id}/{step}", new { note });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
