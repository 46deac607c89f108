using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Nominations;
using Endorse.Requests;
using Endorse.Users;

namespace Endorse.Tests.Nominations;

public class NominationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static NominationTarget Ada() => new(1, "Ada Lovelace", 10, "Analytical Engines")
    {
        Relationship = AccountRelationship.Customer,
        DisclosurePermission = DisclosurePermission.NamedPublic,
    };

    private static RequestActor Actor(string id, params string[] roles) => new(id, id, roles);

    [Fact]
    public void A_happy_customers_contact_can_be_nominated()
    {
        Assert.Empty(NominationRules.Refusals(Ada()));
        Assert.True(NominationRules.IsCustomer(Ada()));
    }

    [Fact]
    public void A_readiness_gate_refuses_the_nomination_in_the_gates_own_words()
    {
        var refusal = Assert.Single(NominationRules.Refusals(Ada() with { Gates = ["A big bid is in progress (Engine Two, 900,000 USD) until 2026-12-31."] }));
        Assert.Equal("contactId", refusal.Field);
        Assert.False(refusal.IsConflict);
        Assert.Equal("Analytical Engines may not be approached now: A big bid is in progress (Engine Two, 900,000 USD) until 2026-12-31.", refusal.Message);
    }

    [Fact]
    public void Each_reason_not_to_nominate_is_a_clear_sentence_about_the_contact()
    {
        Assert.Equal(
            "Ada Lovelace is already an advocate (active); there is nothing to nominate.",
            Assert.Single(NominationRules.Refusals(Ada() with { AdvocateStatus = AdvocateStatus.Active })).Message);
        Assert.Equal(
            "Ada Lovelace is marked do-not-contact: they must not be approached, so they cannot be nominated.",
            Assert.Single(NominationRules.Refusals(Ada() with { AdvocateStatus = AdvocateStatus.DoNotContact })).Message);
        Assert.Equal(
            "Analytical Engines has a no-publicity policy: it does not endorse suppliers, so its people cannot be nominated.",
            Assert.Single(NominationRules.Refusals(Ada() with { DisclosurePermission = DisclosurePermission.NoPublicity })).Message);
        Assert.Equal(
            "Analytical Engines is a prospect, not a customer: only customers' contacts can be nominated.",
            Assert.Single(NominationRules.Refusals(Ada() with { Relationship = AccountRelationship.Prospect })).Message);
        Assert.Equal(
            "Analytical Engines is a former customer: only customers' contacts can be nominated.",
            Assert.Single(NominationRules.Refusals(Ada() with { Relationship = AccountRelationship.FormerCustomer })).Message);

        var open = Assert.Single(NominationRules.Refusals(Ada() with { OpenNominationId = 7, OpenNominationStatus = NominationStatus.AwaitingOwnerApproval }));
        Assert.True(open.IsConflict);
        Assert.Equal("Ada Lovelace is already nominated (nomination #7, waiting for the account owner's approval); add to that one instead.", open.Message);
    }

    [Fact]
    public void Several_reasons_are_all_given()
    {
        var refusals = NominationRules.Refusals(Ada() with { Relationship = AccountRelationship.FormerCustomer, DisclosurePermission = DisclosurePermission.NoPublicity, AdvocateStatus = AdvocateStatus.Retired });

        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("contactId", r.Field));
        Assert.DoesNotContain(refusals, r => r.IsConflict);
    }

    [Fact]
    public void A_nomination_needs_a_kind_and_a_reason()
    {
        var errors = NominationRules.Validate(new NominationInput { ContactId = 1, ReserveForMe = true }).ToDictionary();

        Assert.Contains("kind", errors.Keys);
        Assert.Contains("reason", errors.Keys);
        Assert.Contains("reserveForMe", errors.Keys);
        Assert.True(NominationRules.Validate(new NominationInput { ContactId = 1, Kind = NominationKind.PocketReference, Reason = "Used her twice", ReserveForMe = true }).IsValid);
        Assert.Contains("activityTypes", NominationRules.Validate(new NominationInput { ContactId = 1, Kind = NominationKind.HappyCustomer, Reason = "x", ActivityTypes = [(ActivityType)99] }).ToDictionary().Keys);
        Assert.Contains("reason", NominationRules.Validate(new NominationInput { ContactId = 1, Kind = NominationKind.HappyCustomer, Reason = new string('x', 2001) }).ToDictionary().Keys);
    }

    [Fact]
    public void Activities_the_permission_does_not_allow_are_a_note_not_a_refusal()
    {
        var warning = Assert.Single(NominationRules.Warnings(DisclosurePermission.NamedCallsOnly, [ActivityType.ReferenceCall, ActivityType.PressInterview], "Analytical Engines"));

        Assert.Equal("Analytical Engines allows named reference calls only: press interviews need the customer's agreement first.", warning);
        Assert.Empty(NominationRules.Warnings(DisclosurePermission.NamedPublic, [ActivityType.PressInterview], "Analytical Engines"));
    }

    [Theory]
    [InlineData("owner", "rep", null, true)]
    [InlineData("rep", "rep", null, false)] // the nominator owns the account
    [InlineData("rm", "rep", "rm", false)] // the reviewer owns it
    [InlineData(null, "rep", null, false)] // nobody owns it
    public void The_owner_approves_unless_they_nominated_or_reviewed_it(string? owner, string nominator, string? reviewer, bool needed) =>
        Assert.Equal(needed, NominationRules.NeedsOwnerApproval(owner, nominator, reviewer));

    [Fact]
    public void Each_person_gets_the_steps_that_are_theirs()
    {
        var manager = Actor("rm", Roles.ReferenceManager);
        var nominator = Actor("rep", Roles.SalesRep);
        var owner = Actor("owner", Roles.SalesRep);
        var other = Actor("x", Roles.SalesRep);

        Assert.Equal(["approve", "ask", "decline"], NominationRules.ActionsFor(NominationStatus.AwaitingReview, "rep", null, null, Today, manager));
        Assert.Equal(["withdraw"], NominationRules.ActionsFor(NominationStatus.AwaitingReview, "rep", null, null, Today, nominator));
        Assert.Equal(["approve", "decline"], NominationRules.ActionsFor(NominationStatus.MoreInfoRequested, "rep", null, null, Today, manager));
        Assert.Equal(["answer", "withdraw"], NominationRules.ActionsFor(NominationStatus.MoreInfoRequested, "rep", null, null, Today, nominator));
        Assert.Equal(["owner-approve", "owner-decline"], NominationRules.ActionsFor(NominationStatus.AwaitingOwnerApproval, "rep", "owner", null, Today, owner));
        Assert.Equal(["decline"], NominationRules.ActionsFor(NominationStatus.AwaitingOwnerApproval, "rep", "owner", null, Today, manager));
        Assert.Equal(["reopen"], NominationRules.ActionsFor(NominationStatus.Declined, "rep", null, null, Today, manager));
        Assert.Empty(NominationRules.ActionsFor(NominationStatus.Declined, "rep", null, null, Today, nominator));
        Assert.Equal(["release"], NominationRules.ActionsFor(NominationStatus.Approved, "rep", null, Today, Today, nominator));
        Assert.Empty(NominationRules.ActionsFor(NominationStatus.Approved, "rep", null, Today.AddDays(-1), Today, nominator));
        Assert.Empty(NominationRules.ActionsFor(NominationStatus.AwaitingReview, "rep", "owner", null, Today, other));
        Assert.Empty(NominationRules.ActionsFor(NominationStatus.Withdrawn, "rep", null, null, Today, manager));
    }

    [Fact]
    public void Only_the_nominator_the_owner_and_the_reference_team_read_a_nomination()
    {
        Assert.True(NominationRules.MaySee("rep", null, "owner", Actor("owner", Roles.SalesRep)));
        Assert.True(NominationRules.MaySee("rep", null, null, Actor("rep", Roles.Marketing)));
        Assert.True(NominationRules.MaySee("rep", null, null, Actor("admin", Roles.Administrator)));
        Assert.False(NominationRules.MaySee("rep", null, "owner", Actor("x", Roles.SalesManager, Roles.Executive)));
        Assert.False(NominationRules.MaySee("rep", null, null, Actor(string.Empty)));
    }

    [Fact]
    public void An_open_nomination_waiting_more_than_a_week_is_flagged()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        Assert.True(NominationRules.WaitingTooLong(NominationStatus.AwaitingReview, now.AddDays(-8), now));
        Assert.True(NominationRules.WaitingTooLong(NominationStatus.AwaitingOwnerApproval, now.AddDays(-7).AddMinutes(-1), now));
        Assert.False(NominationRules.WaitingTooLong(NominationStatus.AwaitingReview, now.AddDays(-6), now));
        Assert.False(NominationRules.WaitingTooLong(NominationStatus.Approved, now.AddDays(-30), now));
    }
}
