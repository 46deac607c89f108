using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Listing;
using Endorse.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Endorse.Data;

/// <summary>Keeps the normalized search columns in step with the names they copy, whatever wrote the entity.</summary>
public static class SearchColumns
{
    public static void Refresh(object entity)
    {
        switch (entity)
        {
            case Account account:
                account.NameSearch = SearchText.Normalize(account.Name);
                account.SizeBand = account.Employees is null ? account.SizeBand : SizeBands.FromEmployees(account.Employees);
                break;
            case Contact contact:
                contact.NameSearch = SearchText.Normalize($"{contact.LastName} {contact.FirstName}");
                contact.FirstNameSearch = SearchText.Normalize($"{contact.FirstName} {contact.LastName}");
                contact.EmailSearch = SearchText.Normalize(contact.Email);
                break;
            case Opportunity opportunity:
                opportunity.NameSearch = SearchText.Normalize(opportunity.Name);
                break;
        }
    }
}

internal static class Timestamps
{
    /// <summary>What <see cref="Touch"/> does on save, for an entity written in bulk past the change tracker.</summary>
    public static void Stamp(object entity, DateTimeOffset now, bool isNew)
    {
        switch (entity)
        {
            case Account account:
                account.CreatedAt = isNew && account.CreatedAt == default ? now : account.CreatedAt;
                account.UpdatedAt = now;
                break;
            case Contact contact:
                contact.CreatedAt = isNew && contact.CreatedAt == default ? now : contact.CreatedAt;
                contact.UpdatedAt = now;
                break;
            case Opportunity opportunity:
                opportunity.CreatedAt = isNew && opportunity.CreatedAt == default ? now : opportunity.CreatedAt;
                opportunity.UpdatedAt = now;
                break;
        }
    }

    public static void Touch(EntityEntry entry, DateTimeOffset now)
    {
        var created = entry.Metadata.FindProperty("CreatedAt");
        var updated = entry.Metadata.FindProperty("UpdatedAt");
        if (entry.State == EntityState.Added && created is not null && entry.Property("CreatedAt").CurrentValue is DateTimeOffset value && value == default)
        {
            entry.Property("CreatedAt").CurrentValue = now;
        }

        if (entry.State is EntityState.Added or EntityState.Modified && updated is not null)
        {
            entry.Property("UpdatedAt").CurrentValue = now;
        }
    }
}
