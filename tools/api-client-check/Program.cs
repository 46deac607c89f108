// Uses the C# client Kiota generates from /openapi/v1.json (namespace Endorse.Client) against a running Endorse, as an
// integration would, and checks each answer. scripts/check-api-client.sh generates the client next to this file, builds
// both and runs it with ENDORSE_URL (e.g. http://127.0.0.1:5080/) and ENDORSE_TOKEN (a personal access token).
// Exit code 0 when every check passed; 1 with the failed check's message otherwise.
using Endorse.Client;
using Endorse.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

var url = Environment.GetEnvironmentVariable("ENDORSE_URL") ?? throw new InvalidOperationException("Set ENDORSE_URL.");
var token = Environment.GetEnvironmentVariable("ENDORSE_TOKEN") ?? throw new InvalidOperationException("Set ENDORSE_TOKEN.");

// The personal access token goes in every request as "Authorization: Bearer edr_…", to this server only.
var authentication = new BaseBearerTokenAuthenticationProvider(new PersonalAccessToken(token, new Uri(url).Host));
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
using var adapter = new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = url.TrimEnd('/') };
var client = new EndorseClient(adapter);
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var ct = timeout.Token;
var passed = 0;

void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new CheckFailed(what);
    }

    passed++;
    Console.WriteLine($"  ok  {what}");
}

try
{
    // Accounts: a page, the next page, a search.
    var first = await client.Api.V1.Accounts.GetAsync(r => { r.QueryParameters.PageSize = 3; }, ct);
    Check(first is { Items.Count: 3, PageNumber: 1, PageSize: 3, Total: > 3 }, $"GET /accounts?pageSize=3 answers page 1 with 3 of {first?.Total} accounts");
    var second = await client.Api.V1.Accounts.GetAsync(r => { r.QueryParameters.PageSize = 3; r.QueryParameters.Page = 2; }, ct);
    Check(second is { Items.Count: > 0, PageNumber: 2 } && !second.Items.Any(a => first!.Items!.Any(b => b.Id == a.Id)), "page 2 holds other accounts than page 1");
    var account = first!.Items![0];
    Check(account.Id is > 0 && !string.IsNullOrEmpty(account.Name) && account.Relationship is not null, $"an account row has an id, a name (\"{account.Name}\") and a relationship ({account.Relationship})");
    var prefix = account.Name![..Math.Min(4, account.Name.Length)];
    var found = await client.Api.V1.Accounts.GetAsync(r => { r.QueryParameters.Search = prefix; r.QueryParameters.PageSize = 50; }, ct);
    Check(found is { Items.Count: > 0 } && found.Items.Any(a => a.Id == account.Id)
        && found.Items.All(a => a.Name!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)), $"search \"{prefix}\" finds that account, and only names starting so ({found?.Total})");

    // One account.
    var details = await client.Api.V1.Accounts[account.Id!.Value].GetAsync(cancellationToken: ct);
    Check(details is not null && details.Id == account.Id && details.Name == account.Name && details.UpdatedAt is not null && details.Products is not null,
        $"GET /accounts/{account.Id} answers the account with its products ({details?.Products?.Count}) and updatedAt ({details?.UpdatedAt:O})");

    // The program: advocates and the request board.
    var advocates = await client.Api.V1.Advocates.GetAsync(r => { r.QueryParameters.PageSize = 5; }, ct);
    Check(advocates is { Total: > 0, Items.Count: > 0 } && advocates.Items.All(a => !string.IsNullOrEmpty(a.DisplayName) && a.Status is not null),
        $"GET /advocates lists advocates with names and statuses ({advocates?.Total})");
    var board = await client.Api.V1.Requests.GetAsync(r => { r.QueryParameters.Board = true; r.QueryParameters.PageSize = 200; }, ct);
    Check(board is { Items: not null, Total: not null }, $"GET /requests?board=true answers the request board ({board?.Total} open)");

    // A new request, read back.
    var neededBy = DateTime.UtcNow.Date.AddDays(21);
    var input = new RequestInput
    {
        ProspectName = "Kiota Client Check GmbH",
        ActivityType = ActivityType.ReferenceCall,
        AdvocatesNeeded = 1,
        NeededBy = new Date(neededBy),
        Notes = "Submitted by the generated API client (scripts/check-api-client.sh).",
    };
    var created = await client.Api.V1.Requests.PostAsync(input, cancellationToken: ct);
    Check(created is { Id: > 0 } && created.ProspectName == input.ProspectName && created.Status is not null, $"POST /requests creates request {created?.Id} ({created?.Status})");
    var read = await client.Api.V1.Requests[created!.Id!.Value].GetAsync(cancellationToken: ct);
    Check(read is not null && read.ProspectName == input.ProspectName && read.ActivityType == ActivityType.ReferenceCall
        && read.NeededBy?.ToString() == new Date(neededBy).ToString() && read.Notes == input.Notes && read.History is { Count: > 0 },
        $"GET /requests/{created.Id} reads it back (needed by {read?.NeededBy}, {read?.History?.Count} history entries)");
    var boardAfter = await client.Api.V1.Requests.GetAsync(r => { r.QueryParameters.Board = true; r.QueryParameters.PageSize = 200; }, ct);
    Check(boardAfter?.Total == board!.Total + 1, $"the board counts it ({board.Total} → {boardAfter?.Total})");

    // Errors: a validation problem (400) and a missing record (404), as the generated error types.
    try
    {
        await client.Api.V1.Requests.PostAsync(new RequestInput { ProspectName = "Kiota Client Check GmbH", ActivityType = ActivityType.ReferenceCall, NeededBy = new Date(DateTime.UtcNow.Date.AddDays(-3)) }, cancellationToken: ct);
        Check(false, "POST /requests with a needed-by date in the past is refused");
    }
    catch (HttpValidationProblemDetails problem)
    {
        var fields = problem.Errors?.AdditionalData.Keys.ToList() ?? [];
        Check(problem.ResponseStatusCode == 400 && problem.Status == 400 && problem.Message == problem.Title && fields.Any(f => f.Equals("neededBy", StringComparison.OrdinalIgnoreCase)),
            $"POST /requests with a past needed-by date answers 400 as HttpValidationProblemDetails naming the field ({string.Join(", ", fields)}: \"{problem.Title}\")");
    }

    try
    {
        await client.Api.V1.Accounts[int.MaxValue].GetAsync(cancellationToken: ct);
        Check(false, "GET /accounts/2147483647 is not found");
    }
    catch (ProblemDetails problem)
    {
        Check(problem.ResponseStatusCode == 404 && problem.Status == 404 && !string.IsNullOrEmpty(problem.Title) && problem.Message == problem.Title,
            $"GET /accounts/{int.MaxValue} answers 404 as ProblemDetails, its title the exception's message (\"{problem.Message}\": \"{problem.Detail}\")");
    }

    // A wrong token: 401 as ProblemDetails.
    using var strangerAdapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new PersonalAccessToken("edr_not-a-token", new Uri(url).Host)), httpClient: http) { BaseUrl = url.TrimEnd('/') };
    try
    {
        await new EndorseClient(strangerAdapter).Api.V1.Accounts.GetAsync(cancellationToken: ct);
        Check(false, "a wrong token is refused");
    }
    catch (ApiException problem)
    {
        Check(problem.ResponseStatusCode == 401, $"a wrong token answers 401 ({problem.GetType().Name})");
    }
}
catch (CheckFailed failure)
{
    await Console.Error.WriteLineAsync($"FAILED: {failure.Message} ({passed} checks passed before)");
    return 1;
}
catch (Exception e) when (e is ApiException or HttpRequestException or OperationCanceledException or InvalidOperationException or FormatException)
{
    var status = e is ApiException api ? $" (HTTP {api.ResponseStatusCode})" : "";
    await Console.Error.WriteLineAsync($"FAILED after {passed} checks: {e.GetType().Name}{status}: {e.Message}\n{e}");
    return 1;
}

Console.WriteLine($"The generated client works against {url}: {passed} checks passed.");
return 0;

/// <summary>Hands Kiota the personal access token for requests to the Endorse server, and nowhere else.</summary>
internal sealed class PersonalAccessToken(string token, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
}

internal sealed class CheckFailed(string message) : Exception(message);
