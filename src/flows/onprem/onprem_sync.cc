#include "flows/onprem/onprem_sync.h"

#include <chrono>
#include <unordered_map>
#include <unordered_set>

#include "domain/error.h"
#include "domain/onprem/attribute_mapping.h"
#include "domain/onprem/sync_plan.h"
#include "domain/onprem/writeback_errors.h"
#include "flows/directory_access.h"
#include "flows/in_transaction.h"
#include "flows/onprem/connection_status_record.h"

namespace sspr::flows::onprem {

namespace onprem = domain::onprem;
using domain::Permission;
using domain::Result;

nlohmann::json summary_json(const SyncSummary& s) {
  return {{"mode", s.full ? "full" : "incremental"},
          {"users",
           {{"read", s.users_read},
            {"created", s.users_created},
            {"updated", s.users_updated},
            {"disabled", s.users_disabled},
            {"deleted", s.users_deleted},
            {"unchanged", s.users_unchanged},
            {"skipped", s.users_skipped}}},
          {"groups",
           {{"read", s.groups_read},
            {"created", s.groups_created},
            {"updated", s.groups_updated},
            {"deleted", s.groups_deleted},
            {"skipped", s.groups_skipped}}},
          {"memberships", s.memberships},
          {"unknown_members", s.unknown_members},
          {"watermark", s.watermark},
          {"problems", s.problems},
          {"seconds", s.seconds}};
}

std::string summary_line(const SyncSummary& s) {
  auto n = [](std::size_t v) { return std::to_string(v); };
  return std::string(s.full ? "full" : "incremental") + " sync: users " + n(s.users_created) +
         " created, " + n(s.users_updated) + " updated, " + n(s.users_disabled) + " disabled, " +
         n(s.users_deleted) + " deleted, " + n(s.users_unchanged) + " unchanged, " +
         n(s.users_skipped) + " skipped; groups " + n(s.groups_created) + " created, " +
         n(s.groups_updated) + " updated, " + n(s.groups_deleted) + " deleted, " +
         n(s.groups_skipped) + " skipped; memberships " + n(s.memberships);
}

namespace {

struct Context {
  domain::Tenant tenant;
  onprem::ConnectionSettings settings;
  onprem::SyncState state;
};

// Collects what the reader delivers into the snapshot.
struct SnapshotBuilder {
  const onprem::AttributeMapping& mapping;
  const std::vector<std::string>& domains;
  SyncSummary& summary;
  onprem::DirectorySnapshot snapshot;
  std::string watermark;
  std::unordered_set<std::string> disabled_anchors;  // read before the users

  void problem(const std::string& dn, const std::string& why) {
    if (summary.problems.size() < OnPremisesSync::kMaxProblems) {
      summary.problems.push_back(dn + ": " + why);
    }
  }
  void user(const onprem::DirectoryEntry& entry) {
    ++summary.users_read;
    watermark = onprem::later_watermark(mapping, watermark, entry.first(mapping.watermark));
    const auto anchor = onprem::anchor_text(mapping, entry.first(mapping.anchor));
    if (!anchor.empty()) snapshot.present_anchors.insert(anchor);
    auto mapped = onprem::map_user(entry, mapping, domains);
    if (!mapped) {
      ++summary.users_skipped;
      problem(entry.dn(), mapped.error().technical);
      return;
    }
    for (const auto& note : mapped->notes) problem(entry.dn(), note);
    mapped->user.enabled = !disabled_anchors.contains(mapped->user.anchor);
    snapshot.users.push_back(std::move(mapped->user));
  }
  void group(const onprem::DirectoryEntry& entry) {
    ++summary.groups_read;
    watermark = onprem::later_watermark(mapping, watermark, entry.first(mapping.watermark));
    const auto anchor = onprem::anchor_text(mapping, entry.first(mapping.anchor));
    if (!anchor.empty()) snapshot.present_anchors.insert(anchor);
    auto mapped = onprem::map_group(entry, mapping);
    if (!mapped) {
      ++summary.groups_skipped;
      problem(entry.dn(), mapped.error().technical);
      return;
    }
    snapshot.groups.push_back(std::move(*mapped));
  }
  void disabled(const onprem::DirectoryEntry& entry) {
    const auto anchor = onprem::anchor_text(mapping, entry.first(mapping.anchor));
    if (!anchor.empty()) disabled_anchors.insert(anchor);
  }
  void anchor(const onprem::DirectoryEntry& entry) {
    const auto anchor = onprem::anchor_text(mapping, entry.first(mapping.anchor));
    if (!anchor.empty()) snapshot.present_anchors.insert(anchor);
  }
};

}  // namespace

Result<SyncSummary> OnPremisesSync::run(const domain::Actor& actor,
                                        const domain::RequestContext& ctx, domain::TenantId tenant,
                                        const SyncOptions& options, const SyncProgress& progress) {
  const auto began = std::chrono::steady_clock::now();
  auto report = [&](std::string_view phase, std::size_t done, std::size_t total) {
    if (progress) progress(phase, done, total);
  };
  auto context =
      in_transaction<Context>(store_, [&](store::StoreTransaction& tx) -> Result<Context> {
        auto found = detail::find_tenant(tx, actor, tenant, Permission::kManageUsers);
        if (!found) return found.error();
        auto settings = tx.find_onprem_connection(tenant);
        if (!settings) {
          return domain::errors::directory_not_connected(
              "no on-premises connection is configured for this tenant");
        }
        return Context{*found, *settings, tx.find_sync_state(tenant).value_or(onprem::SyncState{})};
      });
  if (!context) return context.error();

  SyncSummary summary;
  summary.full = options.full || context->state.watermark.empty();
  const auto mapping = onprem::connection_mapping(context->settings);
  const auto& base = context->settings.base_dn;
  const auto& since = summary.full ? std::string() : context->state.watermark;
  // The disabled users first (every one: the directory evaluates the filter), so each user
  // read next knows whether it is disabled; then the users and groups (changed ones only in
  // an incremental run), then, in an incremental run, every anchor (to find deletions).
  std::vector<DirectoryQuery> queries{
      {base, onprem::disabled_users_filter(mapping), onprem::anchor_attributes(mapping)},
      {base, onprem::changed_since(mapping.user_filter, mapping, since),
       onprem::user_attributes(mapping)},
      {base, onprem::changed_since(mapping.group_filter, mapping, since),
       onprem::group_attributes(mapping)}};
  if (!summary.full) {
    queries.push_back({base, mapping.user_filter, onprem::anchor_attributes(mapping)});
    queries.push_back({base, mapping.group_filter, onprem::anchor_attributes(mapping)});
  }
  SnapshotBuilder builder{mapping, context->tenant.domains, summary, {}, "", {}};
  std::size_t entries = 0;
  auto read = reader_.read(context->settings, queries,
                           [&](std::size_t query, onprem::DirectoryEntry&& entry) {
                             if (query == 0) builder.disabled(entry);
                             if (query == 1) builder.user(entry);
                             if (query == 2) builder.group(entry);
                             if (query >= 3) builder.anchor(entry);
                             if (++entries % 500 == 0) report("reading", entries, 0);
                           });
  const auto now = [&] { return domain::to_iso8601(clock_.now()); };
  auto record_failure = [&](const domain::Error& error) {
    (void)store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
      record_connection_outcome(tx, tenant, error, now());
      domain::AuditEvent event;
      const auto at = clock_.now();
      event.id = random_.time_ordered_uuid(at);
      event.time = domain::to_iso8601(at);
      event.tenant_id = tenant;
      event.category = domain::audit_category::kUserManagement;
      event.activity = domain::audit_activity::kSyncFromOnPremises;
      event.actor = actor.name;
      event.target = context->tenant.name;
      event.result = "failure";
      event.result_reason = error.name;
      event.correlation_id = ctx.correlation_id;
      event.client_ip = ctx.client_ip;
      event.details = {{"reason", error.technical}, {"url", context->settings.url}};
      tx.append_audit(event);
      return domain::ok_status();
    });
    return error;
  };
  if (!read) return record_failure(read.error());
  report("reading", entries, entries);

  struct Stored {
    std::vector<onprem::StoredSyncedUser> users;
    std::vector<onprem::StoredSyncedGroup> groups;
  };
  auto stored = in_transaction<Stored>(store_, [&](store::StoreTransaction& tx) -> Result<Stored> {
    return Stored{tx.list_synced_users(tenant), tx.list_synced_groups(tenant)};
  });
  if (!stored) return stored.error();
  auto& snapshot = builder.snapshot;
  if (snapshot.present_anchors.empty() && (!stored->users.empty() || !stored->groups.empty())) {
    return record_failure(
        onprem::admin_action_required("the directory lists no user or group under " + base +
                                      " (wrong base DN or no read access?): nothing is deleted"));
  }
  auto plan = onprem::plan_sync(snapshot, stored->users, stored->groups);
  summary.users_unchanged = plan.users_unchanged;

  // Where every synced object is now, by DN, for resolving `member` values.
  std::unordered_map<std::string, onprem::MemberRef> by_dn;
  for (const auto& user : stored->users) {
    by_dn[onprem::normalized_dn(user.values.dn)] = {domain::MemberKind::kUser, user.id};
  }
  for (const auto& group : stored->groups) {
    by_dn[onprem::normalized_dn(group.dn)] = {domain::MemberKind::kGroup, group.id};
  }

  // Users, in batches.
  const std::size_t user_work =
      plan.users_to_create.size() + plan.users_to_update.size() + plan.users_to_delete.size();
  std::size_t user_done = 0;
  auto skip = [&](std::size_t& counter, const std::string& dn, const std::string& why) {
    ++counter;
    builder.problem(dn, why);
  };
  auto in_batches = [&](std::size_t count, const auto& one) -> domain::Status {
    for (std::size_t start = 0; start < count; start += kBatchSize) {
      const std::size_t end = std::min(count, start + kBatchSize);
      auto done = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
        const auto at = now();
        for (std::size_t i = start; i < end; ++i) one(tx, i, at);
        return domain::ok_status();
      });
      if (!done) return done;
    }
    return domain::ok_status();
  };
  auto created = in_batches(plan.users_to_create.size(), [&](store::StoreTransaction& tx,
                                                             std::size_t i, const std::string& at) {
    const auto& user = plan.users_to_create[i];
    if (tx.find_user_by_upn(user.upn)) {
      return skip(summary.users_skipped, user.dn, "UPN " + user.upn + " is taken by another user");
    }
    const auto id = tx.insert_synced_user(tenant, user, domain::AuthMode::kPasswordHashSync, at);
    for (const auto& change : onprem::method_changes(user, {}))
      tx.apply_synced_method(id, change, at);
    by_dn[onprem::normalized_dn(user.dn)] = {domain::MemberKind::kUser, id};
    ++summary.users_created;
    if (++user_done % 500 == 0) report("users", user_done, user_work);
  });
  if (!created) return created.error();
  auto updated = in_batches(plan.users_to_update.size(), [&](store::StoreTransaction& tx,
                                                             std::size_t i, const std::string& at) {
    const auto& update = plan.users_to_update[i];
    if (update.fields_changed) {
      if (auto other = tx.find_user_by_upn(update.user.upn); other && other->id != update.id) {
        return skip(summary.users_skipped, update.user.dn,
                    "UPN " + update.user.upn + " is taken by another user");
      }
      tx.update_synced_user(update.id, update.user, at);
    }
    for (const auto& change : update.methods) tx.apply_synced_method(update.id, change, at);
    by_dn[onprem::normalized_dn(update.user.dn)] = {domain::MemberKind::kUser, update.id};
    ++summary.users_updated;
    if (update.disabled_now) ++summary.users_disabled;
    if (++user_done % 500 == 0) report("users", user_done, user_work);
  });
  if (!updated) return updated.error();
  auto deleted = in_batches(plan.users_to_delete.size(),
                            [&](store::StoreTransaction& tx, std::size_t i, const std::string&) {
                              tx.delete_user(plan.users_to_delete[i]);
                              ++summary.users_deleted;
                              if (++user_done % 500 == 0) report("users", user_done, user_work);
                            });
  if (!deleted) return deleted.error();
  report("users", user_done, user_work);

  // Groups, then their members (which may be groups created in this run).
  struct Written {
    domain::GroupId id;
    const onprem::SyncedGroup* group;
    const std::vector<onprem::MemberRef>* before;
    bool fields_changed;
  };
  std::vector<Written> written;
  const std::vector<onprem::MemberRef> none;
  auto groups_written = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    const auto at = now();
    for (const auto& group : plan.groups_to_create) {
      if (tx.find_group_by_name(tenant, group.name)) {
        skip(summary.groups_skipped, group.dn, "group name " + group.name + " is taken");
        continue;
      }
      const auto id = tx.insert_synced_group(tenant, group, at);
      by_dn[onprem::normalized_dn(group.dn)] = {domain::MemberKind::kGroup, id};
      written.push_back({id, &group, &none, true});
      ++summary.groups_created;
    }
    for (const auto& update : plan.groups_to_update) {
      if (update.fields_changed) {
        if (auto other = tx.find_group_by_name(tenant, update.group.name);
            other && other->id != update.id) {
          skip(summary.groups_skipped, update.group.dn,
               "group name " + update.group.name + " is taken");
          continue;
        }
        tx.update_synced_group(update.id, update.group);
      }
      by_dn[onprem::normalized_dn(update.group.dn)] = {domain::MemberKind::kGroup, update.id};
      written.push_back({update.id, &update.group, &update.members, update.fields_changed});
    }
    for (auto id : plan.groups_to_delete) {
      tx.delete_group(id);
      ++summary.groups_deleted;
    }
    return domain::ok_status();
  });
  if (!groups_written) return groups_written.error();
  std::size_t group_done = 0;
  auto members_written = in_batches(
      written.size(), [&](store::StoreTransaction& tx, std::size_t i, const std::string&) {
        const auto& w = written[i];
        auto resolved = onprem::resolve_members(*w.group, w.id, by_dn);
        summary.unknown_members += resolved.unknown;
        summary.memberships += resolved.members.size();
        const bool members_changed = !onprem::same_members(resolved.members, *w.before);
        if (members_changed) tx.replace_members(w.id, resolved.members);
        if ((members_changed || w.fields_changed) && w.before != &none) ++summary.groups_updated;
        report("groups", ++group_done, written.size());
      });
  if (!members_written) return members_written.error();

  summary.watermark = onprem::later_watermark(mapping, context->state.watermark, builder.watermark);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  auto finished = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    const auto at = now();
    auto details = summary_json(summary);
    tx.save_sync_state(tenant, {summary.watermark, at, details.dump()});
    record_connection_outcome(tx, tenant, std::nullopt, at);
    details["url"] = context->settings.url;
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, domain::audit_category::kUserManagement,
        domain::audit_activity::kSyncFromOnPremises, context->tenant.name, std::move(details));
    return domain::ok_status();
  });
  if (!finished) return finished.error();
  return summary;
}

}  // namespace sspr::flows::onprem
