using Endorse.Data;
using Endorse.Settings;

namespace Endorse.Discovery;

/// <summary>
/// The straightforward discovery: loads every customer account, contact and profile fact on each call and ranks them.
/// Slow at scale; kept as the benchmark baseline and as the correctness oracle of <see cref="DiscoveryIndex"/>.
/// </summary>
public sealed class NaiveDiscovery(EndorseDbContext db, TimeProvider time)
{
    public async Task<DiscoveryRanking> RankAsync(DiscoveryCriteria criteria, int top, int excludedOffset = 0, int excludedLimit = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var policy = await new ProgramSettingsService(db, time).FatiguePolicyAsync(ct);
        var accounts = await DiscoveryLoader.AccountsAsync(db, null, policy, ct);
        var profile = DiscoveryLoader.Profile(await DiscoveryLoader.BestUsedAsync(db, today, ct), await DiscoveryLoader.WishedAsync(db, ct));
        return DiscoveryRanker.Rank(accounts, i => DiscoveryLoader.Blocking(policy, accounts[i], today), profile, criteria, today, top, excludedOffset, excludedLimit);
    }
}
