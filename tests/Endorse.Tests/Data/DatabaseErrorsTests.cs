using Endorse.Data;

namespace Endorse.Tests.Data;

public class DatabaseErrorsTests
{
    [Theory]
    [InlineData("23505", DatabaseErrorKind.Duplicate)]
    [InlineData("23503", DatabaseErrorKind.MissingReference)]
    [InlineData("22001", DatabaseErrorKind.ValueNotStorable)]
    [InlineData("22003", DatabaseErrorKind.ValueNotStorable)]
    [InlineData("22021", DatabaseErrorKind.ValueNotStorable)]
    [InlineData("40001", DatabaseErrorKind.Contention)]
    [InlineData("40P01", DatabaseErrorKind.Contention)]
    [InlineData("57P01", DatabaseErrorKind.Other)]
    [InlineData("53100", DatabaseErrorKind.Other)]
    public void PostgreSQL_errors_are_classified_by_their_SQLSTATE(string sqlState, DatabaseErrorKind kind) =>
        Assert.Equal(kind, DatabaseErrors.Postgres(sqlState));

    [Theory]
    [InlineData(19, 2067, DatabaseErrorKind.Duplicate)]
    [InlineData(19, 1555, DatabaseErrorKind.Duplicate)]
    [InlineData(19, 787, DatabaseErrorKind.MissingReference)]
    [InlineData(19, 1299, DatabaseErrorKind.ValueNotStorable)]
    [InlineData(5, 5, DatabaseErrorKind.Contention)]
    [InlineData(1, 1, DatabaseErrorKind.Other)]
    [InlineData(10, 10, DatabaseErrorKind.Other)]
    public void SQLite_errors_are_classified_by_their_result_codes(int code, int extended, DatabaseErrorKind kind) =>
        Assert.Equal(kind, DatabaseErrors.Sqlite(code, extended));

    [Fact]
    public void A_concurrency_failure_is_a_change_made_meanwhile_and_an_unknown_error_stays_unknown()
    {
        Assert.Equal(DatabaseErrorKind.ChangedMeanwhile, DatabaseErrors.Classify(new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("x")));
        Assert.Equal(DatabaseErrorKind.Other, DatabaseErrors.Classify(new InvalidOperationException("x")));
        Assert.Equal(DatabaseErrorKind.ValueNotStorable, DatabaseErrors.Classify(new Microsoft.EntityFrameworkCore.DbUpdateException("x", new System.Text.EncoderFallbackException())));
    }
}
