using System.Globalization;
using Endorse.Accounts;
using Endorse.Data;
using Endorse.Discovery;
using Endorse.ExecutivePrograms;
using Endorse.Hygiene;
using Endorse.Notifications;
using Endorse.Onboarding;
using Endorse.Readiness;
using Endorse.WishList;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Readiness;

/// <summary>
/// Opens a unit of work for the readiness, discovery, wish-list, onboarding, executive-program and hygiene pages: a
/// DbContext of its own from the factory (which audits as the page's signed-in person) and the services over it.
/// </summary>
public sealed class SourcingWork(
    IDbContextFactory<EndorseDbContext> factory, TimeProvider clock, AccountValidator accountValidator, AccountSignals signals, MailSettings mail, DiscoveryIndex discovery)
{
    public async Task<SourcingSession> OpenAsync(CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        var notifier = new Notifier(db, clock, mail);
        var readiness = new ReadinessService(db, new AccountService(db, accountValidator), clock, signals);
        return new SourcingSession(
            db,
            readiness,
            new DiscoveryService(db, discovery),
            new WishListService(db, clock, notifier, discovery),
            new OnboardingService(db, clock, notifier, readiness, signals),
            new ExecutiveProgramService(db, clock, notifier, discovery),
            new HygieneService(db, clock));
    }
}

/// <summary>The services of one page operation over one DbContext; dispose it when done.</summary>
public sealed record SourcingSession(
    EndorseDbContext Db, ReadinessService Readiness, DiscoveryService Discovery, WishListService WishList, OnboardingService Onboarding,
    ExecutiveProgramService Programs, HygieneService Hygiene) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>Shared wording of the sourcing pages.</summary>
public static class SourcingText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal? amount, string? currency) =>
        amount is { } a ? a.ToString("N0", CultureInfo.InvariantCulture) + (string.IsNullOrWhiteSpace(currency) ? string.Empty : " " + currency) : "—";

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}
