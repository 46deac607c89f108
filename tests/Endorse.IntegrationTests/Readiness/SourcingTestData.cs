using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Readiness;

/// <summary>Seeding for the readiness, discovery, wish-list, onboarding and executive-program tests.</summary>
internal static class SourcingTestData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// A customer account (customer since <paramref name="sinceDaysAgo"/> days, NPS 50, named and public) unless told
    /// otherwise; its relationship derived from the customer-since date unless <paramref name="relationship"/> is given.
    /// </summary>
    public static Task<int> AddCustomerAsync(
        this EndorseApp app,
        string name,
        int? sinceDaysAgo = 2000,
        int? sectorId = null,
        int? regionId = null,
        int? productId = null,
        int escalations = 0,
        int? nps = 50,
        DateOnly? renewal = null,
        string? ownerId = null,
        DisclosurePermission permission = DisclosurePermission.NamedPublic,
        AccountRelationship? relationship = null) =>
        app.WithDbAsync(async db =>
        {
            var account = new Account
            {
                Name = name,
                CustomerSince = sinceDaysAgo is { } days ? Today.AddDays(-days) : null,

                // As a save through the app decides it: derived from the customer-since date, or a person's word.
                Relationship = relationship ?? AccountRelationshipRule.Derive(false, sinceDaysAgo is null ? null : Today),
                RelationshipSource = relationship is null ? RelationshipSource.Derived : RelationshipSource.Person,
                SectorId = sectorId,
                RegionId = regionId,
                SizeBand = SizeBand.Large,
                Employees = 2000,
                OpenEscalations = escalations,
                SatisfactionKind = nps is null ? SatisfactionKind.None : SatisfactionKind.Nps,
                SatisfactionScore = nps,
                RenewalOn = renewal,
                OwnerId = ownerId,
                DisclosurePermission = permission,
            };
            if (productId is { } p)
            {
                account.Products.Add(new AccountProduct { ProductId = p, GoLiveOn = Today.AddDays(-300) });
            }

            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });

    public static Task<int> AddPersonAsync(this EndorseApp app, int accountId, string first, string last, SeniorityTier tier = SeniorityTier.Director, string? title = null) =>
        app.WithDbAsync(async db =>
        {
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId);
            var contact = new Contact { AccountId = accountId, SectorId = account.SectorId, RegionId = account.RegionId, FirstName = first, LastName = last, SeniorityTier = tier, Title = title, Email = $"{first}.{last}.{Guid.NewGuid():N}@example.com".ToLowerInvariant() };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });

    /// <summary>Enrols a contact as an advocate of every activity type.</summary>
    public static Task<int> EnrolAsync(this EndorseApp app, int contactId, AdvocateStatus status = AdvocateStatus.Active) =>
        app.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId);
            var advocate = new Advocate { ContactId = contactId, AccountId = contact.AccountId, Status = status, ActivityTypes = ActivityTypeSet.Of(ActivityTypes.All), EnrolledAt = DateTimeOffset.UtcNow };
            db.Advocates.Add(advocate);
            await db.SaveChangesAsync();
            return advocate.Id;
        });

    public static Task<int> AddOpportunityAsync(this EndorseApp app, int accountId, string name, decimal amount, DateOnly closeOn, bool closed = false) =>
        app.WithDbAsync(async db =>
        {
            var opportunity = new Opportunity { Name = name, AccountId = accountId, Amount = amount, Currency = "USD", CloseDate = closeOn, IsClosed = closed, Stage = closed ? "Closed Won" : "Negotiation" };
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync();
            return opportunity.Id;
        });

    public static Task AddCompletedActivitiesAsync(this EndorseApp app, int advocateId, int accountId, int count) =>
        app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.AdvocacyActivities.Add(new AdvocacyActivity { AdvocateId = advocateId, AccountId = accountId, ActivityType = ActivityType.ReferenceCall, OccurredOn = Today.AddDays(-100 - (i * 20)), State = AdvocacyActivityState.Completed, CreatedAt = DateTimeOffset.UtcNow });
            }

            return await db.SaveChangesAsync();
        });
}
