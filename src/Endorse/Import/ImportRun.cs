using Endorse.Listing;

namespace Endorse.Import;

/// <summary>What an import file holds.</summary>
public enum ImportEntity
{
    Accounts = 1,
    Contacts = 2,
    Opportunities = 3,
}

/// <summary>The file's dialect: whose column names it uses.</summary>
public enum ImportFormat
{
    Salesforce = 1,
    HubSpot = 2,
    GenericCsv = 3,
}

public enum ImportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,

    /// <summary>The file could not be read as a whole (missing column, not UTF-8, a line too long…); nothing was changed.</summary>
    Failed = 3,

    /// <summary>
    /// The process running it stopped (killed, crashed, the machine went down) before it finished; its transaction was
    /// rolled back, so nothing was changed. The stored file is kept until someone runs it again.
    /// </summary>
    Interrupted = 4,
}

/// <summary>One import of one file: its progress while it runs and its report when done.</summary>
public class ImportRun
{
    public int Id { get; set; }
    public ImportFormat Format { get; set; }
    public ImportEntity Entity { get; set; }
    public required string FileName { get; set; }

    /// <summary>Where the uploaded file is kept in file storage while it waits and runs.</summary>
    public string? StoredFile { get; set; }

    public long FileSize { get; set; }

    /// <summary>For the generic format: JSON map of Endorse field → the file's column name.</summary>
    public string? ColumnMapping { get; set; }

    public ImportStatus Status { get; set; }
    public string? RequestedById { get; set; }
    public string? RequestedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Bytes of the file read so far, for the progress bar.</summary>
    public long BytesRead { get; set; }

    public int RowsRead { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }

    /// <summary>Rows identical to what is stored: importing the same file twice skips every row.</summary>
    public int Skipped { get; set; }

    public int Rejected { get; set; }

    /// <summary>Rows imported with something left out (an industry that matches no sector): not rejections, but worth a look.</summary>
    public int Warnings { get; set; }

    /// <summary>Why the whole file failed, when it did.</summary>
    public string? Error { get; set; }

    /// <summary>The app node (machine, process) that claimed the run; see <see cref="ImportNode"/>.</summary>
    public string? WorkerId { get; set; }

    /// <summary>
    /// Until when the worker's claim holds. A live worker renews it while it runs; a Running run whose lease has lapsed
    /// belongs to a worker that is gone, and any node marks it <see cref="ImportStatus.Interrupted"/>.
    /// </summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public List<ImportRejection> Rejections { get; set; } = [];

    /// <summary>What happened to the run, one dated sentence each: queued, started, completed, failed, interrupted, run again.</summary>
    public List<ImportRunEvent> History { get; set; } = [];

    public SourceSystem SourceSystem => Format switch
    {
        ImportFormat.Salesforce => SourceSystem.Salesforce,
        ImportFormat.HubSpot => SourceSystem.HubSpot,
        _ => SourceSystem.Csv,
    };
}

/// <summary>A row the import refused, with its line number in the file and the reason.</summary>
public class ImportRejection
{
    public long Id { get; set; }
    public int ImportRunId { get; set; }
    public int LineNumber { get; set; }
    public required string Reason { get; set; }

    /// <summary>The row's id in the source system, when it had one.</summary>
    public string? ExternalId { get; set; }
}

/// <summary>One dated sentence of an import's history.</summary>
public class ImportRunEvent
{
    public long Id { get; set; }
    public int ImportRunId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Text { get; set; }
}
