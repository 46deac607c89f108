using Endorse.Advocates;

namespace Endorse.Tests.Advocates;

public class AdvocateValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly AdvocateValidator validator = new();

    [Fact]
    public void An_empty_profile_is_valid()
    {
        Assert.True(validator.Validate(new AdvocateInput()).IsValid);
    }

    [Fact]
    public void Unknown_activity_types_channels_products_and_long_text_are_refused()
    {
        var errors = validator.Validate(
            new AdvocateInput
            {
                ActivityTypes = [ActivityType.ReferenceCall, (ActivityType)99],
                PreferredChannel = (ContactChannel)42,
                Languages = new string('a', 201),
                Topics = new string('t', 2001),
                MaxActivitiesPerQuarter = -1,
            },
            unknownProductIds: [7]).ToDictionary();

        Assert.Equal(["activityTypes[1]", "languages", "maxActivitiesPerQuarter", "preferredChannel", "productIds", "topics"], errors.Keys.Order());
        Assert.Equal("Unknown product: 7.", errors["productIds"][0]);
    }

    [Fact]
    public void A_blackout_must_end_on_or_after_its_start()
    {
        var input = new AdvocateInput { Blackouts = [new BlackoutInput { From = Today.AddDays(3), To = Today }, new BlackoutInput { From = Today, To = Today }] };
        var errors = validator.Validate(input).ToDictionary();
        Assert.Equal(["blackouts[0]"], errors.Keys);
    }

    [Fact]
    public void Resting_needs_an_end_date_after_today_or_until_further_notice()
    {
        Assert.Contains("restingUntil", validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.Resting }, Today).ToDictionary().Keys);
        Assert.Contains("restingUntil", validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.Resting, RestingUntil = Today }, Today).ToDictionary().Keys);
        Assert.Contains("restingUntil", validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.Resting, RestingUntil = Today.AddDays(9), UntilFurtherNotice = true }, Today).ToDictionary().Keys);
        Assert.True(validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.Resting, RestingUntil = Today.AddDays(1) }, Today).IsValid);
        Assert.True(validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.Resting, UntilFurtherNotice = true }, Today).IsValid);
    }

    [Fact]
    public void Only_resting_has_an_end_date_and_the_status_must_be_known()
    {
        Assert.Contains("restingUntil", validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.Active, RestingUntil = Today.AddDays(5) }, Today).ToDictionary().Keys);
        Assert.Contains("status", validator.ValidateStatus(new StatusChangeInput { Status = (AdvocateStatus)17 }, Today).ToDictionary().Keys);
        Assert.Contains("reason", validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.Retired, Reason = new string('r', 1001) }, Today).ToDictionary().Keys);
        Assert.True(validator.ValidateStatus(new StatusChangeInput { Status = AdvocateStatus.DoNotContact, Reason = "Asked us to stop" }, Today).IsValid);
    }

    [Fact]
    public void A_bulk_enrolment_needs_between_one_and_500_contacts()
    {
        Assert.False(validator.ValidateBulk(new BulkEnrolInput()).IsValid);
        Assert.False(validator.ValidateBulk(new BulkEnrolInput { ContactIds = Enumerable.Range(1, 501).ToList() }).IsValid);
        Assert.True(validator.ValidateBulk(new BulkEnrolInput { ContactIds = [1, 2] }).IsValid);
    }

    [Fact]
    public void Languages_are_stored_as_iso_codes_comma_separated()
    {
        Assert.Equal("en,de", AdvocateService.Languages(" English; german , ENGLISH"));
        Assert.Null(AdvocateService.Languages(" , "));
    }

    [Fact]
    public void Blackouts_that_share_a_day_are_refused_on_the_later_one_whatever_the_order()
    {
        var input = new AdvocateInput
        {
            Blackouts =
            [
                new BlackoutInput { From = Today.AddDays(20), To = Today.AddDays(30) },
                new BlackoutInput { From = Today, To = Today.AddDays(10) },
                new BlackoutInput { From = Today.AddDays(10), To = Today.AddDays(12) },
                new BlackoutInput { From = Today.AddDays(31), To = Today.AddDays(31) },
            ],
        };

        var errors = validator.Validate(input).ToDictionary();

        Assert.Equal(["blackouts[2]"], errors.Keys);
        Assert.Equal("This blackout overlaps the one from 2026-11-23 to 2026-12-03: change that one or merge them.", errors["blackouts[2]"][0]);
    }

    [Fact]
    public void A_range_inside_a_long_earlier_one_is_an_overlap()
    {
        BlackoutInput[] blackouts =
        [
            new() { From = Today, To = Today.AddDays(60) },
            new() { From = Today.AddDays(5), To = Today.AddDays(6) },
            new() { From = Today.AddDays(40), To = Today.AddDays(41) },
        ];

        Assert.Equal([(1, 0), (2, 0)], AdvocateValidator.Overlaps(blackouts).ToList());
    }

    [Fact]
    public void A_new_blackout_needs_both_days_an_end_not_before_its_start_or_today_and_free_days()
    {
        List<BlackoutInput> existing = [new() { From = Today.AddDays(10), To = Today.AddDays(20), Reason = "Holiday" }];

        Assert.Equal("Choose the first and the last day of the blackout.", AdvocateValidator.CheckNewBlackout(existing, Today, null, Today));
        Assert.Equal("The last day (2026-11-24) is before the first (2026-11-25).", AdvocateValidator.CheckNewBlackout(existing, Today.AddDays(2), Today.AddDays(1), Today));
        Assert.StartsWith("This blackout is already over", AdvocateValidator.CheckNewBlackout(existing, Today.AddDays(-5), Today.AddDays(-1), Today), StringComparison.Ordinal);
        Assert.Equal("It overlaps the blackout from 2026-12-03 to 2026-12-13: remove that one first or choose other days.", AdvocateValidator.CheckNewBlackout(existing, Today.AddDays(20), Today.AddDays(25), Today));
        Assert.Null(AdvocateValidator.CheckNewBlackout(existing, Today.AddDays(21), Today.AddDays(21), Today));
        Assert.Null(AdvocateValidator.CheckNewBlackout(existing, Today, Today.AddDays(9), Today));
    }

    [Fact]
    public void Bulk_enrolment_starts_advocates_as_candidate_or_active_only()
    {
        Assert.True(validator.ValidateBulk(new BulkEnrolInput { ContactIds = [1], InitialStatus = AdvocateStatus.Active }).IsValid);
        Assert.Equal(["initialStatus"], validator.ValidateBulk(new BulkEnrolInput { ContactIds = [1], InitialStatus = AdvocateStatus.Resting }).ToDictionary().Keys);
    }
}
