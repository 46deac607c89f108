using System.Security.Claims;
using Endorse.Formatting;
using Endorse.Users;
using Endorse.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Endorse.Web.Features.Profile;

/// <summary>The caller's own preferences: time zone, date format, clock, and how they hear of what concerns them.</summary>
public static class ProfileApi
{
    public static IServiceCollection AddProfile(this IServiceCollection services) => services.AddScoped<Viewer>();

    public static void MapProfileApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users/me/preferences").WithTags("Profile");
        group.MapGet("/", Get)
            .WithName("GetMyPreferences")
            .WithSummary("Your preferences")
            .WithDescription("The calling user's time zone (IANA, e.g. `Europe/Berlin`; `timeZoneChosen` is false while it is the UTC default), date style, " +
                "12- or 24-hour clock, whether new requests are mailed (reference managers) and whether mail comes as one daily digest. " +
                "Pages, mails, notifications and CSV exports write the user's dates and times this way.")
            .Produces<PreferencesView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", Put)
            .WithName("UpdateMyPreferences")
            .WithSummary("Change your preferences")
            .WithDescription("Changes the fields sent; a field left out keeps its value. `timeZone` must be an IANA zone Endorse knows (old names such as " +
                "`Asia/Calcutta` are accepted and stored as their current name); `dateStyle` one of: " + Words.ApiDescription(typeof(DateStyle)) + ". 400 lists each invalid field.")
            .Produces<PreferencesView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/time-zones", Zones)
            .WithName("ListTimeZones")
            .WithSummary("The time zones to pick from")
            .WithDescription("Every IANA zone a person may choose, with its offset now.")
            .Produces<IReadOnlyList<TimeZoneOption>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    /// <summary>A person's preferences, with an example of their format.</summary>
    public sealed record PreferencesView(string TimeZone, bool TimeZoneChosen, DateStyle DateStyle, bool Hour12, bool MailNewRequests, bool DailyDigest, string Example)
    {
        public static PreferencesView From(UserPreferences p, DateTimeOffset now) =>
            new(p.TimeZone, p.TimeZoneChosen, p.DateStyle, p.Hour12, p.MailNewRequests, p.DailyDigest, p.Format.Instant(now));
    }

    public sealed record TimeZoneOption(string Id, string Name);

    private static async Task<IResult> Get(ClaimsPrincipal user, PreferencesService preferences, TimeProvider clock, CancellationToken cancellationToken) =>
        await preferences.GetAsync(UserId(user), cancellationToken) is { } found
            ? TypedResults.Ok(PreferencesView.From(found, clock.GetUtcNow()))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static async Task<IResult> Put(PreferencesInput input, ClaimsPrincipal user, PreferencesService preferences, TimeProvider clock, CancellationToken cancellationToken) =>
        ApiResults.From(await preferences.UpdateAsync(UserId(user), input, cancellationToken), p => TypedResults.Ok(PreferencesView.From(p, clock.GetUtcNow())));

    private static Ok<IReadOnlyList<TimeZoneOption>> Zones(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<TimeZoneOption>>([.. TimeZones.All.Select(z => new TimeZoneOption(z, TimeZones.Describe(z, now)))]);
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id claim.");
}
