"""Beyond one machine: the pipeline on Dask distributed, Parquet shards, bulk loading.

    sitrep batch INPUT... OUTPUT --local 4            # or --scheduler tcp://host:8786
    sitrep --db postgresql+psycopg://… load OUTPUT    # COPY into PostgreSQL (or SQLite)

``partitions`` cuts inputs (local paths or fsspec URLs) into partitions, ``run`` processes
them on a Dask cluster into ``shards`` (Parquet, one file per table and partition, plus a
manifest that makes a job restartable), and ``load`` bulk-loads finished shards into a store.
"""

from sitrep.batch.load import LoadSummary, load
from sitrep.batch.partitions import Partition, plan
from sitrep.batch.run import BatchSummary, PartitionResult, process_partition, run_batch

__all__ = [
    "BatchSummary",
    "LoadSummary",
    "Partition",
    "PartitionResult",
    "load",
    "plan",
    "process_partition",
    "run_batch",
]
