using System.Globalization;
using Endorse.Formatting;
using Endorse.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Endorse.Web.Features.Requests;

/// <summary>The advocate's answer and feedback forms post here (no sign-in: the secret link is the key).</summary>
public static class RespondEndpoints
{
    public static void MapRespondEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/respond/{token}", AnswerAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> AnswerAsync(
        string token,
        [FromForm] string? answer,
        [FromForm] string? slot1,
        [FromForm] string? slot2,
        [FromForm] string? slot3,
        [FromForm] string? reason,
        [FromForm] int? rating,
        [FromForm] string? comment,
        [FromForm] string? zone,
        RequestService service,
        CancellationToken cancellationToken)
    {
        if (string.Equals(answer, "feedback", StringComparison.OrdinalIgnoreCase))
        {
            return Answered(await service.GiveFeedbackAsync(token, new AdvocateFeedbackInput(rating, comment), cancellationToken), token, "rating");
        }

        var accept = string.Equals(answer, "accept", StringComparison.OrdinalIgnoreCase);
        var slots = new List<DateTimeOffset>();
        foreach (var text in new[] { slot1, slot2, slot3 })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            // The form's times are wall-clock times in the zone the advocate picked (UTC when none was sent).
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Results.LocalRedirect($"/respond/{Uri.EscapeDataString(token)}?error=slots");
            }

            slots.Add(TimeZones.FromLocal(parsed, TimeZones.Normalize(zone)));
        }

        return Answered(await service.AnswerAsync(token, accept, slots, reason, TimeZones.Normalize(zone), cancellationToken), token, "slots");
    }

    private static IResult Answered(RequestOutcome<PortalView> result, string token, string invalidField)
    {
        if (result.NotFound)
        {
            return Results.Content(Page("This link is not valid", "Check that you copied the whole link from the e-mail."), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        if (result.Conflict == "expired")
        {
            return Results.Content(Page("This link has expired", "Please reply to the e-mail and we will send you a new one."), "text/html; charset=utf-8", statusCode: StatusCodes.Status410Gone);
        }

        if (result.Conflict is not null)
        {
            var on = result.Value?.AnsweredAt is { } answered ? PersonalFormat.Of(result.Value.AdvocateTimeZone).Instant(answered) : "an earlier visit";
            return Results.Content(Page("You already answered", $"You already answered on {on}. Nothing was changed."), "text/html; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
        }

        if (result.Errors is not null)
        {
            return Results.LocalRedirect($"/respond/{Uri.EscapeDataString(token)}?error={invalidField}");
        }

        return Results.LocalRedirect($"/respond/{Uri.EscapeDataString(token)}?thanks=1");
    }

    private static string Page(string title, string text) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{System.Net.WebUtility.HtmlEncode(title)} · Endorse</title></head><body style=\"font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem\">" +
        $"<h1>{System.Net.WebUtility.HtmlEncode(title)}</h1><p>{System.Net.WebUtility.HtmlEncode(text)}</p></body></html>";
}
