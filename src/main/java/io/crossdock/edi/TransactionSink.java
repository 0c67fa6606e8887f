package io.crossdock.edi;

/**
 * Receives a file's transactions one at a time as they are read, so a large file never sits whole
 * in memory: only the transaction being read does.
 */
public interface TransactionSink {

    void transaction(EdiTransaction transaction) throws Exception;
}
