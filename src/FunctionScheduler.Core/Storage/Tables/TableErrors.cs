using Azure;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>The service answers the stores act on; every other failure propagates as it came.</summary>
internal static class TableErrors
{
    // A missing table is also a 404, but it means the index is broken or gone, not that a row is absent: it must not
    // read as "no such task".
    private const string TableNotFound = "TableNotFound";

    public static bool IsRowMissing(RequestFailedException ex) => ex.Status == 404 && ex.ErrorCode != TableNotFound;

    public static bool IsRowExisting(RequestFailedException ex) => ex.Status == 409;

    public static bool IsVersionStale(RequestFailedException ex) => ex.Status == 412;
}
