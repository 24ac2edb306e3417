// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

namespace wb::store {

class Database;

/// Schema version this program writes (PRAGMA user_version). Version N is reached by applying migration N to a
/// database at version N-1; docs/store.md describes every table.
int latestSchemaVersion();

/// Brings `db` to latestSchemaVersion() inside one IMMEDIATE transaction: either every pending migration is
/// applied or none. A database whose user_version is newer than this program is refused (code Database) and left
/// untouched, so an older build never writes to a schema it does not know.
Result<void> migrate(Database& db);
/// The same up to `targetVersion` (1..latestSchemaVersion()), so that tests can build a database of an older
/// version and check its migration.
Result<void> migrate(Database& db, int targetVersion);
/// For a database opened read-only, which cannot be migrated: succeeds only at latestSchemaVersion(); an older
/// (or empty) file is an error that says to open it writable once, a newer one one that says to upgrade.
Result<void> requireLatestSchema(Database& db);

} // namespace wb::store
