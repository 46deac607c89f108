using System.Text;
using Endorse.AccessTokens;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;
using Endorse.Import;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Notifications;
using Endorse.Opportunities;
using Endorse.Requests;

namespace Endorse.Formatting;

/// <summary>
/// The words a person reads for every value of every enum: the one place pages, mails, notifications, exports,
/// validation messages and the API description take them from, so no code name (`ActivityType`, `NoShow`) reaches a
/// person. <see cref="Phrase{T}"/> is the value inside a sentence ("a reference call"), <see cref="Label{T}"/> the
/// value on its own (a chip, a column: "Reference call").
/// </summary>
public static class Words
{
    private static readonly Dictionary<Type, Dictionary<string, string>> Phrases = new()
    {
        [typeof(ActivityType)] = new()
        {
            [nameof(ActivityType.ReferenceCall)] = "reference call",
            [nameof(ActivityType.SiteVisit)] = "site visit",
            [nameof(ActivityType.CaseStudyUse)] = "case-study use",
            [nameof(ActivityType.PressInterview)] = "press interview",
            [nameof(ActivityType.SpeakingOrWebinar)] = "speaking or webinar",
            [nameof(ActivityType.RfpLetter)] = "RFP letter",
            [nameof(ActivityType.PeerReview)] = "peer review",
            [nameof(ActivityType.AnalystCall)] = "analyst call",
        },
        [typeof(AdvocateStatus)] = new()
        {
            [nameof(AdvocateStatus.Candidate)] = "candidate",
            [nameof(AdvocateStatus.Active)] = "active",
            [nameof(AdvocateStatus.Resting)] = "resting",
            [nameof(AdvocateStatus.Retired)] = "retired",
            [nameof(AdvocateStatus.DoNotContact)] = "do not contact",
        },
        [typeof(ContactChannel)] = new()
        {
            [nameof(ContactChannel.Email)] = "e-mail",
            [nameof(ContactChannel.Phone)] = "phone",
            [nameof(ContactChannel.VideoCall)] = "video call",
            [nameof(ContactChannel.InPerson)] = "in person",
        },
        [typeof(SeniorityTier)] = new()
        {
            [nameof(SeniorityTier.Unknown)] = "unknown",
            [nameof(SeniorityTier.Practitioner)] = "practitioner",
            [nameof(SeniorityTier.Manager)] = "manager",
            [nameof(SeniorityTier.Director)] = "director",
            [nameof(SeniorityTier.VicePresident)] = "VP",
            [nameof(SeniorityTier.CLevel)] = "C-level",
        },
        [typeof(SizeBand)] = new()
        {
            [nameof(SizeBand.Unknown)] = "unknown",
            [nameof(SizeBand.Small)] = "small",
            [nameof(SizeBand.MidMarket)] = "mid-market",
            [nameof(SizeBand.Large)] = "large",
            [nameof(SizeBand.Enterprise)] = "enterprise",
        },
        [typeof(DisclosurePermission)] = new()
        {
            [nameof(DisclosurePermission.Unknown)] = "not yet agreed (anonymous only)",
            [nameof(DisclosurePermission.NamedPublic)] = "named and public",
            [nameof(DisclosurePermission.NamedCallsOnly)] = "named reference calls only",
            [nameof(DisclosurePermission.AnonymousOnly)] = "anonymous only",
            [nameof(DisclosurePermission.NoPublicity)] = "no publicity",
        },
        [typeof(SatisfactionKind)] = new()
        {
            [nameof(SatisfactionKind.None)] = "none",
            [nameof(SatisfactionKind.Nps)] = "NPS",
            [nameof(SatisfactionKind.Csat)] = "CSAT",
        },
        [typeof(RequestStatus)] = new()
        {
            [nameof(RequestStatus.Submitted)] = "submitted",
            [nameof(RequestStatus.Matched)] = "matched",
            [nameof(RequestStatus.AwaitingOwnerApproval)] = "awaiting the owner's approval",
            [nameof(RequestStatus.AdvocateAsked)] = "advocate asked",
            [nameof(RequestStatus.Accepted)] = "accepted",
            [nameof(RequestStatus.Declined)] = "declined",
            [nameof(RequestStatus.Scheduled)] = "scheduled",
            [nameof(RequestStatus.Completed)] = "completed",
            [nameof(RequestStatus.NoShow)] = "no-show",
            [nameof(RequestStatus.Cancelled)] = "cancelled",
        },
        [typeof(ParticipantStatus)] = new()
        {
            [nameof(ParticipantStatus.Proposed)] = "proposed",
            [nameof(ParticipantStatus.AwaitingOwnerApproval)] = "awaiting the owner's approval",
            [nameof(ParticipantStatus.OwnerBlocked)] = "blocked by the owner",
            [nameof(ParticipantStatus.Asked)] = "asked",
            [nameof(ParticipantStatus.Accepted)] = "accepted",
            [nameof(ParticipantStatus.Declined)] = "declined",
            [nameof(ParticipantStatus.Scheduled)] = "scheduled",
            [nameof(ParticipantStatus.Completed)] = "completed",
            [nameof(ParticipantStatus.NoShow)] = "no-show",
            [nameof(ParticipantStatus.Cancelled)] = "cancelled",
        },
        [typeof(ObjectionReason)] = new()
        {
            [nameof(ObjectionReason.BigBidInProgress)] = "big bid in progress",
            [nameof(ObjectionReason.ServiceProblems)] = "service problems",
            [nameof(ObjectionReason.Reorganising)] = "reorganising",
            [nameof(ObjectionReason.TooBusy)] = "too busy",
            [nameof(ObjectionReason.CorporatePolicy)] = "corporate policy",
            [nameof(ObjectionReason.Other)] = "other",
        },
        [typeof(FulfilmentMode)] = new()
        {
            [nameof(FulfilmentMode.Managed)] = "managed by the reference team",
            [nameof(FulfilmentMode.SelfServe)] = "self-serve by the requester",
        },
        [typeof(MatchFactor)] = new()
        {
            [nameof(MatchFactor.Product)] = "product",
            [nameof(MatchFactor.Sector)] = "sector",
            [nameof(MatchFactor.Region)] = "region",
            [nameof(MatchFactor.Size)] = "company size",
            [nameof(MatchFactor.Seniority)] = "seniority wanted",
            [nameof(MatchFactor.Language)] = "language",
            [nameof(MatchFactor.ActivityType)] = "activity",
            [nameof(MatchFactor.Satisfaction)] = "satisfaction",
            [nameof(MatchFactor.Tenure)] = "years as a customer",
            [nameof(MatchFactor.SeniorityTier)] = "seniority of the advocate",
            [nameof(MatchFactor.Feedback)] = "feedback on past activities",
            [nameof(MatchFactor.FatigueHeadroom)] = "room under the fatigue caps",
            [nameof(MatchFactor.Rotation)] = "time since last asked",
        },
        [typeof(AdvocacyActivityState)] = new()
        {
            [nameof(AdvocacyActivityState.Booked)] = "booked",
            [nameof(AdvocacyActivityState.Completed)] = "completed",
            [nameof(AdvocacyActivityState.Cancelled)] = "cancelled",
            [nameof(AdvocacyActivityState.NoShow)] = "no-show",
        },
        [typeof(ImportEntity)] = new()
        {
            [nameof(ImportEntity.Accounts)] = "accounts",
            [nameof(ImportEntity.Contacts)] = "contacts",
            [nameof(ImportEntity.Opportunities)] = "opportunities",
        },
        [typeof(ImportFormat)] = new()
        {
            [nameof(ImportFormat.Salesforce)] = "Salesforce",
            [nameof(ImportFormat.HubSpot)] = "HubSpot",
            [nameof(ImportFormat.GenericCsv)] = "CSV with a column mapping",
        },
        [typeof(ImportStatus)] = new()
        {
            [nameof(ImportStatus.Queued)] = "queued",
            [nameof(ImportStatus.Running)] = "running",
            [nameof(ImportStatus.Completed)] = "completed",
            [nameof(ImportStatus.Failed)] = "failed",
            [nameof(ImportStatus.Interrupted)] = "interrupted",
        },
        [typeof(SourceSystem)] = new()
        {
            [nameof(SourceSystem.Endorse)] = "Endorse",
            [nameof(SourceSystem.Salesforce)] = "Salesforce",
            [nameof(SourceSystem.HubSpot)] = "HubSpot",
            [nameof(SourceSystem.Csv)] = "CSV",
        },
        [typeof(MailStatus)] = new()
        {
            [nameof(MailStatus.Pending)] = "waiting to be sent",
            [nameof(MailStatus.Sent)] = "sent",
            [nameof(MailStatus.Failed)] = "failed",
        },
        [typeof(AccessTokenStatus)] = new()
        {
            [nameof(AccessTokenStatus.Active)] = "active",
            [nameof(AccessTokenStatus.Expired)] = "expired",
            [nameof(AccessTokenStatus.Revoked)] = "revoked",
        },
        [typeof(OpportunityStatus)] = new()
        {
            [nameof(OpportunityStatus.Open)] = "open",
            [nameof(OpportunityStatus.Closed)] = "closed",
            [nameof(OpportunityStatus.Won)] = "won",
            [nameof(OpportunityStatus.Lost)] = "lost",
        },
        [typeof(DateStyle)] = new()
        {
            [nameof(DateStyle.DayMonthName)] = "3 Dec 2026",
            [nameof(DateStyle.Iso)] = "2026-12-03",
            [nameof(DateStyle.DayMonthYear)] = "03/12/2026 (day first)",
            [nameof(DateStyle.MonthDayYear)] = "12/03/2026 (month first)",
            [nameof(DateStyle.DayMonthYearDots)] = "03.12.2026",
            [nameof(DateStyle.MonthNameDay)] = "Dec 3, 2026",
        },
        [typeof(BlockReasons)] = new()
        {
            [nameof(BlockReasons.None)] = "none",
            [nameof(BlockReasons.DoNotContact)] = "do not contact",
            [nameof(BlockReasons.Retired)] = "retired",
            [nameof(BlockReasons.NotYetActive)] = "not yet active",
            [nameof(BlockReasons.Resting)] = "resting",
            [nameof(BlockReasons.AdvocateCapReached)] = "advocate's cap reached",
            [nameof(BlockReasons.AccountCapReached)] = "account's cap reached",
            [nameof(BlockReasons.CoolDown)] = "cool-down",
            [nameof(BlockReasons.PreferenceCapReached)] = "advocate's own limit reached",
            [nameof(BlockReasons.Blackout)] = "blackout",
            [nameof(BlockReasons.OpenEscalation)] = "open escalation",
            [nameof(BlockReasons.LowSatisfaction)] = "low satisfaction",
            [nameof(BlockReasons.RenewalSoon)] = "renewal soon",
            [nameof(BlockReasons.NoPublicity)] = "no publicity",
            [nameof(BlockReasons.PermissionForbidsActivity)] = "disclosure permission forbids it",
            [nameof(BlockReasons.DoesNotDoActivity)] = "does not do this activity",
            [nameof(BlockReasons.BigBid)] = "big bid",
            [nameof(BlockReasons.Reorganisation)] = "reorganisation",
            [nameof(BlockReasons.OnHold)] = "on hold",
            [nameof(BlockReasons.UnhappyOnboarding)] = "unhappy onboarding",
        },
        [typeof(global::Endorse.Accounts.AccountRelationship)] = new()
        {
            [nameof(global::Endorse.Accounts.AccountRelationship.Prospect)] = "prospect",
            [nameof(global::Endorse.Accounts.AccountRelationship.Customer)] = "customer",
            [nameof(global::Endorse.Accounts.AccountRelationship.FormerCustomer)] = "former customer",
        },
        [typeof(global::Endorse.Accounts.RelationshipSource)] = new()
        {
            [nameof(global::Endorse.Accounts.RelationshipSource.Derived)] = "worked out from deals and customer-since",
            [nameof(global::Endorse.Accounts.RelationshipSource.Crm)] = "taken from the CRM",
            [nameof(global::Endorse.Accounts.RelationshipSource.Person)] = "set by a person",
        },
        [typeof(global::Endorse.Onboarding.CheckInKind)] = new()
        {
            [nameof(global::Endorse.Onboarding.CheckInKind.Introduction)] = "introduction",
            [nameof(global::Endorse.Onboarding.CheckInKind.MidImplementation)] = "mid-implementation check-in",
            [nameof(global::Endorse.Onboarding.CheckInKind.GoLive)] = "go-live check-in",
            [nameof(global::Endorse.Onboarding.CheckInKind.FollowUp)] = "follow-up",
        },
        [typeof(global::Endorse.Onboarding.CheckInState)] = new()
        {
            [nameof(global::Endorse.Onboarding.CheckInState.Upcoming)] = "upcoming",
            [nameof(global::Endorse.Onboarding.CheckInState.Due)] = "due",
            [nameof(global::Endorse.Onboarding.CheckInState.Overdue)] = "overdue",
            [nameof(global::Endorse.Onboarding.CheckInState.Done)] = "done",
        },
        [typeof(global::Endorse.Onboarding.OnboardingOutcome)] = new()
        {
            [nameof(global::Endorse.Onboarding.OnboardingOutcome.Pending)] = "not yet known",
            [nameof(global::Endorse.Onboarding.OnboardingOutcome.Happy)] = "happy",
            [nameof(global::Endorse.Onboarding.OnboardingOutcome.Unhappy)] = "unhappy",
        },
        [typeof(global::Endorse.ExecutivePrograms.CommitmentKind)] = new()
        {
            [nameof(global::Endorse.ExecutivePrograms.CommitmentKind.Blog)] = "blog post",
            [nameof(global::Endorse.ExecutivePrograms.CommitmentKind.CaseStudy)] = "case study",
            [nameof(global::Endorse.ExecutivePrograms.CommitmentKind.Talk)] = "talk",
            [nameof(global::Endorse.ExecutivePrograms.CommitmentKind.ReferenceCall)] = "reference call",
        },
        [typeof(global::Endorse.ExecutivePrograms.CommitmentStatus)] = new()
        {
            [nameof(global::Endorse.ExecutivePrograms.CommitmentStatus.Open)] = "open",
            [nameof(global::Endorse.ExecutivePrograms.CommitmentStatus.Delivered)] = "delivered",
            [nameof(global::Endorse.ExecutivePrograms.CommitmentStatus.Dropped)] = "dropped",
        },
        [typeof(global::Endorse.ExecutivePrograms.ExecutiveProgramKind)] = new()
        {
            [nameof(global::Endorse.ExecutivePrograms.ExecutiveProgramKind.Peering)] = "peer group",
            [nameof(global::Endorse.ExecutivePrograms.ExecutiveProgramKind.Briefing)] = "executive briefing",
            [nameof(global::Endorse.ExecutivePrograms.ExecutiveProgramKind.Panel)] = "advisory panel",
            [nameof(global::Endorse.ExecutivePrograms.ExecutiveProgramKind.Club)] = "customer club",
        },
        [typeof(global::Endorse.Data.DatabaseErrorKind)] = new()
        {
            [nameof(global::Endorse.Data.DatabaseErrorKind.Other)] = "other database error",
            [nameof(global::Endorse.Data.DatabaseErrorKind.ChangedMeanwhile)] = "changed by someone else meanwhile",
            [nameof(global::Endorse.Data.DatabaseErrorKind.Duplicate)] = "already exists",
            [nameof(global::Endorse.Data.DatabaseErrorKind.MissingReference)] = "refers to a record that does not exist",
            [nameof(global::Endorse.Data.DatabaseErrorKind.ValueNotStorable)] = "a value the database cannot store",
            [nameof(global::Endorse.Data.DatabaseErrorKind.Contention)] = "too many changes at once",
        },
        [typeof(global::Endorse.Import.DealOutcome)] = new()
        {
            [nameof(global::Endorse.Import.DealOutcome.Open)] = "open",
            [nameof(global::Endorse.Import.DealOutcome.Won)] = "won",
            [nameof(global::Endorse.Import.DealOutcome.Lost)] = "lost",
        },
        [typeof(global::Endorse.Import.ImportReadingBasis)] = new()
        {
            [nameof(global::Endorse.Import.ImportReadingBasis.SectorName)] = "matches a sector name",
            [nameof(global::Endorse.Import.ImportReadingBasis.Mapping)] = "by a mapping",
            [nameof(global::Endorse.Import.ImportReadingBasis.NoSector)] = "left without a sector",
            [nameof(global::Endorse.Import.ImportReadingBasis.BuiltIn)] = "known stage",
            [nameof(global::Endorse.Import.ImportReadingBasis.FileColumns)] = "from the file's columns",
            [nameof(global::Endorse.Import.ImportReadingBasis.Guessed)] = "guessed",
            [nameof(global::Endorse.Import.ImportReadingBasis.Unknown)] = "unknown",
        },
        [typeof(global::Endorse.Import.ImportValueKind)] = new()
        {
            [nameof(global::Endorse.Import.ImportValueKind.Industry)] = "industry",
            [nameof(global::Endorse.Import.ImportValueKind.DealStage)] = "deal stage",
            [nameof(global::Endorse.Import.ImportValueKind.AccountType)] = "account type",
        },
        [typeof(global::Endorse.Import.ImportWarningKind)] = new()
        {
            [nameof(global::Endorse.Import.ImportWarningKind.UnknownIndustry)] = "industry matches no sector",
            [nameof(global::Endorse.Import.ImportWarningKind.UnknownCountry)] = "country not recognised",
            [nameof(global::Endorse.Import.ImportWarningKind.UnknownDealStage)] = "deal stage not recognised",
            [nameof(global::Endorse.Import.ImportWarningKind.RelationshipKept)] = "relationship set by a person kept",
            [nameof(global::Endorse.Import.ImportWarningKind.SeniorityKept)] = "seniority set by a person kept",
        },
        [typeof(global::Endorse.Discovery.DiscoveryFactor)] = new()
        {
            [nameof(global::Endorse.Discovery.DiscoveryFactor.Sector)] = "same sector",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.Products)] = "products in common",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.Size)] = "similar size",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.Region)] = "same region",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.Tenure)] = "customer for long enough",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.Satisfaction)] = "satisfaction",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.Seniority)] = "seniority of the contact",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.ExecutiveProgram)] = "in an executive program",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.OnboardedHappily)] = "happy onboarding",
            [nameof(global::Endorse.Discovery.DiscoveryFactor.WishList)] = "on the wish list",
        },
        [typeof(global::Endorse.Objections.EscalationScope)] = new()
        {
            [nameof(global::Endorse.Objections.EscalationScope.Product)] = "product",
            [nameof(global::Endorse.Objections.EscalationScope.Sector)] = "sector",
        },
        [typeof(global::Endorse.Objections.ObjectionGrouping)] = new()
        {
            [nameof(global::Endorse.Objections.ObjectionGrouping.Objection)] = "objection",
            [nameof(global::Endorse.Objections.ObjectionGrouping.Owner)] = "account owner",
            [nameof(global::Endorse.Objections.ObjectionGrouping.SalesArea)] = "sales area",
            [nameof(global::Endorse.Objections.ObjectionGrouping.Month)] = "month",
        },
        [typeof(global::Endorse.Readiness.GateKind)] = new()
        {
            [nameof(global::Endorse.Readiness.GateKind.LowSatisfaction)] = "low satisfaction",
            [nameof(global::Endorse.Readiness.GateKind.OpenEscalation)] = "open escalation",
            [nameof(global::Endorse.Readiness.GateKind.BigBid)] = "big bid",
            [nameof(global::Endorse.Readiness.GateKind.Reorganisation)] = "reorganisation",
            [nameof(global::Endorse.Readiness.GateKind.RenewalSoon)] = "renewal soon",
            [nameof(global::Endorse.Readiness.GateKind.NoPublicity)] = "no publicity",
            [nameof(global::Endorse.Readiness.GateKind.OnHold)] = "on hold",
            [nameof(global::Endorse.Readiness.GateKind.UnhappyOnboarding)] = "unhappy onboarding",
        },
        [typeof(global::Endorse.Readiness.GateState)] = new()
        {
            [nameof(global::Endorse.Readiness.GateState.Upcoming)] = "upcoming",
            [nameof(global::Endorse.Readiness.GateState.Active)] = "active",
            [nameof(global::Endorse.Readiness.GateState.Ended)] = "ended",
            [nameof(global::Endorse.Readiness.GateState.Lifted)] = "lifted",
        },
        [typeof(global::Endorse.Hygiene.HygieneAnswerValue)] = new()
        {
            [nameof(global::Endorse.Hygiene.HygieneAnswerValue.No)] = "no",
            [nameof(global::Endorse.Hygiene.HygieneAnswerValue.Partly)] = "partly",
            [nameof(global::Endorse.Hygiene.HygieneAnswerValue.Yes)] = "yes",
        },
        [typeof(global::Endorse.Hygiene.HygieneQuestion)] = new()
        {
            [nameof(global::Endorse.Hygiene.HygieneQuestion.ExecutiveSponsorship)] = "an executive sponsors the program",
            [nameof(global::Endorse.Hygiene.HygieneQuestion.StandingAgendaItem)] = "advocacy is a standing agenda item",
            [nameof(global::Endorse.Hygiene.HygieneQuestion.ManagersTargets)] = "managers have advocacy targets",
            [nameof(global::Endorse.Hygiene.HygieneQuestion.AdvocacyInContracts)] = "advocacy is written into contracts",
            [nameof(global::Endorse.Hygiene.HygieneQuestion.ReferenceTeamAndSales)] = "the reference team and sales work as one",
            [nameof(global::Endorse.Hygiene.HygieneQuestion.AdvocacyKit)] = "advocates have a kit",
        },
        [typeof(global::Endorse.Nominations.NominationKind)] = new()
        {
            [nameof(global::Endorse.Nominations.NominationKind.HappyCustomer)] = "happy customer",
            [nameof(global::Endorse.Nominations.NominationKind.PocketReference)] = "pocket reference",
        },
        [typeof(global::Endorse.Nominations.NominationStatus)] = new()
        {
            [nameof(global::Endorse.Nominations.NominationStatus.AwaitingReview)] = "awaiting review",
            [nameof(global::Endorse.Nominations.NominationStatus.MoreInfoRequested)] = "more information asked for",
            [nameof(global::Endorse.Nominations.NominationStatus.AwaitingOwnerApproval)] = "awaiting the owner's approval",
            [nameof(global::Endorse.Nominations.NominationStatus.Approved)] = "approved",
            [nameof(global::Endorse.Nominations.NominationStatus.Declined)] = "declined",
            [nameof(global::Endorse.Nominations.NominationStatus.Withdrawn)] = "withdrawn",
        },
        [typeof(global::Endorse.Nominations.NominationView)] = new()
        {
            [nameof(global::Endorse.Nominations.NominationView.Mine)] = "mine",
            [nameof(global::Endorse.Nominations.NominationView.Queue)] = "review queue",
            [nameof(global::Endorse.Nominations.NominationView.MyAccounts)] = "my accounts",
        },
        [typeof(global::Endorse.Nominations.PoolMode)] = new()
        {
            [nameof(global::Endorse.Nominations.PoolMode.OpenPool)] = "open pool",
            [nameof(global::Endorse.Nominations.PoolMode.ContributorsOnly)] = "contributors only",
        },
        [typeof(global::Endorse.Matching.PoolHiding)] = new()
        {
            [nameof(global::Endorse.Matching.PoolHiding.None)] = "in the pool",
            [nameof(global::Endorse.Matching.PoolHiding.ReservedForAnotherRep)] = "reserved for another rep",
            [nameof(global::Endorse.Matching.PoolHiding.ContributorsOnly)] = "for contributors only",
        },
        [typeof(global::Endorse.WishList.WishStage)] = new()
        {
            [nameof(global::Endorse.WishList.WishStage.Wished)] = "wished for",
            [nameof(global::Endorse.WishList.WishStage.Researching)] = "researching",
            [nameof(global::Endorse.WishList.WishStage.Approaching)] = "approaching",
            [nameof(global::Endorse.WishList.WishStage.Nominated)] = "nominated",
            [nameof(global::Endorse.WishList.WishStage.Advocate)] = "advocate",
            [nameof(global::Endorse.WishList.WishStage.Parked)] = "parked",
        },
    };

    /// <summary>The value as it reads inside a sentence: "reference call", "RFP letter", "awaiting the owner's approval".</summary>
    public static string Phrase<T>(T value)
        where T : struct, Enum => Phrase(typeof(T), value.ToString());

    /// <summary>The value on its own, first letter capital: "Reference call", "RFP letter".</summary>
    public static string Label<T>(T value)
        where T : struct, Enum => Capitalize(Phrase(value));

    /// <summary>The phrase of a value given by type and name (the request history stores state names).</summary>
    public static string Phrase(Type enumType, string name)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        ArgumentNullException.ThrowIfNull(name);
        return Phrases.TryGetValue(enumType, out var names) && names.TryGetValue(name, out var phrase) ? phrase : Split(name);
    }

    /// <summary>Every value of an enum with its words, in declaration order.</summary>
    public static IReadOnlyList<(T Value, string Label)> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => (v, Label(v)))];

    /// <summary>"`ReferenceCall`: reference call; `SiteVisit`: site visit; …": an enum's values for the API description.</summary>
    public static string ApiDescription(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return string.Join("; ", Enum.GetNames(enumType).Select(n => $"`{n}`: {Phrase(enumType, n)}"));
    }

    /// <summary>Whether the type has its words here (tests hold every enum of the core to this).</summary>
    public static bool Covers(Type enumType) => Phrases.TryGetValue(enumType, out var names) && Enum.GetNames(enumType).All(names.ContainsKey);

    public static string Capitalize(string text) =>
        string.IsNullOrEmpty(text) || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A fallback for a name not in the table: "SomeNewValue" → "some new value" (never the code name itself).</summary>
    private static string Split(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(i > 0 && char.IsUpper(c) && (i + 1 >= pascal.Length || !char.IsUpper(pascal[i + 1])) ? char.ToLowerInvariant(c) : c);
        }

        return text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1])) ? char.ToLowerInvariant(text[0]) + text.ToString(1, text.Length - 1) : text.ToString();
    }
}
