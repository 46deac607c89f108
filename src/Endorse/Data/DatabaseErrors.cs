using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Endorse.Data;

/// <summary>What a database error says about the request that caused it.</summary>
public enum DatabaseErrorKind
{
    /// <summary>Not one of the kinds below: a fault of the server or the database, not of the request.</summary>
    Other = 0,

    /// <summary>Someone else saved the same row between reading and writing it (a concurrency token did not match).</summary>
    ChangedMeanwhile = 1,

    /// <summary>A unique key is taken: usually the same thing created twice at the same moment.</summary>
    Duplicate = 2,

    /// <summary>A row refers to one that does not exist (any more): deleted at the same moment, or an id that was never there.</summary>
    MissingReference = 3,

    /// <summary>A value the database cannot hold: too long, out of range, or text it cannot store.</summary>
    ValueNotStorable = 4,

    /// <summary>Two transactions got in each other's way (a deadlock, a serialization failure); trying again succeeds.</summary>
    Contention = 5,
}

/// <summary>Classifies database errors of both providers, so every write path answers them the same way.</summary>
public static class DatabaseErrors
{
    public static DatabaseErrorKind Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is DbUpdateConcurrencyException)
        {
            return DatabaseErrorKind.ChangedMeanwhile;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return Postgres(postgres.SqlState);
                case SqliteException sqlite:
                    return Sqlite(sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode);
                case System.Text.EncoderFallbackException or System.Text.DecoderFallbackException:
                    return DatabaseErrorKind.ValueNotStorable;
                default:
                    break;
            }
        }

        return DatabaseErrorKind.Other;
    }

    /// <summary>PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).</summary>
    public static DatabaseErrorKind Postgres(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation => DatabaseErrorKind.Duplicate,
        PostgresErrorCodes.ForeignKeyViolation => DatabaseErrorKind.MissingReference,
        PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange
            or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.InvalidDatetimeFormat
            or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
            or PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.DataException
            or PostgresErrorCodes.ProgramLimitExceeded => DatabaseErrorKind.ValueNotStorable,
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable => DatabaseErrorKind.Contention,
        _ => DatabaseErrorKind.Other,
    };

    /// <summary>SQLite's result codes (https://www.sqlite.org/rescode.html).</summary>
    public static DatabaseErrorKind Sqlite(int code, int extendedCode) => (code, extendedCode) switch
    {
        (19, 2067 or 1555) => DatabaseErrorKind.Duplicate,
        (19, 787) => DatabaseErrorKind.MissingReference,
        (19, _) => DatabaseErrorKind.ValueNotStorable,
        (18 or 25, _) => DatabaseErrorKind.ValueNotStorable,
        (5 or 6, _) => DatabaseErrorKind.Contention,
        _ => DatabaseErrorKind.Other,
    };
}
