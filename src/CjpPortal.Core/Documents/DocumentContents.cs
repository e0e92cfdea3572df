using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CjpPortal.Core.Documents;

/// <summary>Reads a document's bytes straight from PostgreSQL into a stream (a response body): a sequential-access
/// reader hands the column over in chunks as it arrives, so a 20 MB file is never held in memory, let alone twice.
/// EF would materialise the whole array.</summary>
public static class DocumentContents
{
    /// <summary>The table and columns EF maps <see cref="Domain.DocumentContent"/> to (snake_case).</summary>
    private const string Sql = "SELECT bytes FROM document_contents WHERE document_id = @id";

    /// <summary>Once the row of document <paramref name="documentId"/> is there, calls <paramref name="found"/> (which
    /// may write the response's headers) and copies the bytes to the stream it returns. False, with nothing called,
    /// when there are no bytes for it.</summary>
    public static async Task<bool> CopyToAsync(AppDbContext db, int documentId, Func<Stream> found, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(found);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";
            parameter.DbType = DbType.Int32;
            parameter.Value = documentId;
            command.Parameters.Add(parameter);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct))
            {
                return false;
            }

            var destination = found();
            await using var bytes = reader.GetStream(0);
            await bytes.CopyToAsync(destination, ct);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
