#pragma once
// The one way the store includes SOCI. Debian's SOCI is configured with Boost support
// (SOCI_HAVE_BOOST), which makes <soci/soci.h> include Boost headers that the build does not
// need (we bind no Boost types) and Debian 12 does not install with libsoci-dev. Switching the
// optional Boost adapters off here changes no class layout; they are header-only templates.

#include <soci/soci-config.h>

#undef SOCI_HAVE_BOOST
#undef SOCI_HAVE_BOOST_DATE_TIME

#include <soci/soci.h>
