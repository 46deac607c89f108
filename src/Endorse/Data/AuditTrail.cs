using System.Text.Json;
using Endorse.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Endorse.Data;

internal sealed record PendingAudit(IAudited Entity, string EntityType, string Action, string? Changes);

/// <summary>Turns a tracked change into an audit record of the properties that changed, before and after.</summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Ignored = ["NameSearch", "FirstNameSearch", "EmailSearch", "UpdatedAt", "CreatedAt"];

    public static PendingAudit Capture(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Ignored.Contains(name) || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[name] = new { to = property.CurrentValue };
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    changes[name] = new { from = property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { from = property.OriginalValue, to = property.CurrentValue };
                    break;
            }
        }

        if (entry.Entity is IAuditedWithParts withParts)
        {
            foreach (var part in withParts.TakePartChanges())
            {
                changes[part.Field] = new { from = part.From, to = part.To };
            }
        }

        var action = entry.State switch
        {
            EntityState.Added => "Created",
            EntityState.Deleted => "Deleted",
            _ => "Updated",
        };

        return new PendingAudit((IAudited)entry.Entity, entry.Metadata.ClrType.Name, action, changes.Count == 0 ? null : JsonSerializer.Serialize(changes));
    }
}
