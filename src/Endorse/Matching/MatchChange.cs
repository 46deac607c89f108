using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Matching;

/// <summary>
/// One saved change to what matching reads, written in the same save by <see cref="Data.SaveSignals"/>: the advocate,
/// the contact or the account whose facts changed. Every node's <see cref="MatchIndex"/> reads the rows after the last
/// one it saw and reloads those advocates, so a booking on one node reaches the rankings of the others within the poll
/// interval. The newest rows are kept (<see cref="MatchIndex.ChangesKept"/>); older ones are deleted by the nodes.
/// </summary>
public class MatchChange
{
    public long Id { get; set; }
    public int? AdvocateId { get; set; }
    public int? ContactId { get; set; }
    public int? AccountId { get; set; }
}

internal sealed class MatchChangeConfiguration : IEntityTypeConfiguration<MatchChange>
{
    public void Configure(EntityTypeBuilder<MatchChange> builder) => builder.HasKey(c => c.Id);
}
