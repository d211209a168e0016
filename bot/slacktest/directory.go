package slacktest

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"
)

// appsConnectionsOpen hands out a one-time WebSocket URL.
func (s *Server) appsConnectionsOpen(params) reply {
	ticket := newID()
	s.tickets[ticket] = true
	u := "ws" + strings.TrimPrefix(s.base, "http") + "/socket?ticket=" + url.QueryEscape(ticket)
	return ok(obj{"url": u})
}

// authTest says who the bot token belongs to.
func (s *Server) authTest(params) reply {
	return ok(obj{
		"url": "https://" + TeamDomain + ".slack.com/", "team": "Collab Test", "user": BotName,
		"team_id": TeamID, "user_id": BotUserID, "bot_id": BotID, "is_enterprise_install": false,
	})
}

// usersInfo describes a member, with the time zone offset at the clock's
// current time.
func (s *Server) usersInfo(p params) reply {
	u, known := s.users[p["user"]]
	if !known {
		return fail("user_not_found")
	}
	offset, label := 0, ""
	if loc, err := time.LoadLocation(u.TZ); err == nil && u.TZ != "" {
		label, offset = s.cfg.clock().In(loc).Zone()
	}
	user := obj{
		"id": u.ID, "team_id": TeamID, "name": u.Name, "real_name": u.Name,
		"tz": u.TZ, "tz_label": label, "tz_offset": offset, "is_bot": u.ID == BotUserID,
		"deleted": false, "profile": obj{"real_name": u.Name, "display_name": u.Name},
	}
	if boolParam(p["include_locale"]) && u.Locale != "" {
		user["locale"] = u.Locale
	}
	return ok(obj{"user": user})
}

// usergroupsList lists the user groups, sorted by id.
func (s *Server) usergroupsList(params) reply {
	ids := slices.Sorted(maps.Keys(s.groups))
	groups := make([]obj, 0, len(ids))
	for _, id := range ids {
		g := s.groups[id]
		groups = append(groups, obj{"id": g.ID, "team_id": TeamID, "handle": g.Handle, "name": g.Handle, "user_count": len(g.Users)})
	}
	return ok(obj{"usergroups": groups})
}

// usergroupsUsersList lists a user group's members.
func (s *Server) usergroupsUsersList(p params) reply {
	g, known := s.groups[p["usergroup"]]
	if !known {
		return fail("no_such_subteam")
	}
	users := slices.Clone(g.Users)
	if users == nil {
		users = []string{}
	}
	return ok(obj{"users": users})
}
