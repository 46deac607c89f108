using Endorse.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(r => r.Recipient).HasMaxLength(100);
        builder.Property(r => r.Summary).HasMaxLength(1000);

        // The claim: one message a person and day, whichever node or run gets there first.
        builder.HasIndex(r => new { r.Recipient, r.Day }).IsUnique();
    }
}
