using System.Security.Claims;
using Endorse.Formatting;
using Endorse.Users;

namespace Endorse.Web.Features.Profile;

/// <summary>
/// The signed-in person looking at the pages of this circuit (or request), with their format: every page writes dates
/// and times through here, so they read in the viewer's zone and style. Loaded once by the main layout.
/// </summary>
public sealed class Viewer(IServiceScopeFactory scopes)
{
    public PersonalFormat Format { get; private set; } = PersonalFormat.Default;

    public string? UserId { get; private set; }

    /// <summary>Whether the person's zone is theirs (chosen, or taken from their browser); false until then.</summary>
    public bool TimeZoneKnown { get; private set; }

    public bool Loaded { get; private set; }

    public async Task LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (UserId is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var preferences = await scope.ServiceProvider.GetRequiredService<PreferencesService>().GetAsync(UserId, cancellationToken);
            Use(preferences);
        }

        Loaded = true;
    }

    /// <summary>Takes the zone the browser reports when the person has none yet; true when it was taken.</summary>
    public async Task<bool> AdoptBrowserZoneAsync(string? zone, CancellationToken cancellationToken = default)
    {
        if (UserId is null || TimeZoneKnown)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<PreferencesService>();
        var taken = await service.AdoptBrowserZoneAsync(UserId, zone, cancellationToken);
        Use(await service.GetAsync(UserId, cancellationToken));
        TimeZoneKnown = true; // asked once a circuit, whatever the browser said
        return taken;
    }

    public void Use(UserPreferences? preferences)
    {
        Format = preferences?.Format ?? PersonalFormat.Default;
        TimeZoneKnown = preferences?.TimeZoneChosen ?? false;
    }

    public string Date(DateOnly date) => Format.Date(date);

    public string Date(DateOnly? date) => Format.Date(date);

    public string Date(DateTimeOffset instant) => Format.Date(instant);

    public string Instant(DateTimeOffset instant) => Format.Instant(instant);

    public string Instant(DateTimeOffset? instant) => Format.Instant(instant);

    public string Slot(DateTimeOffset instant) => Format.Slot(instant);

    /// <summary>A .NET date pattern for date pickers, in the viewer's style.</summary>
    public string DatePattern => Format.DatePattern;
}
