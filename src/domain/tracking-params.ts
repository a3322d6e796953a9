/**
 * Query parameters that change per visit or per referrer and never change what a page says or
 * which page a link names: stripped from links (blog discovery) and from page text and hashes.
 */
export const TRACKING_PARAM =
  /^(?:trk|trkInfo|trackingId|trkEmail|lipi|licu|lici|midToken|midSig|otpToken|eid|refId|src|veh|li_fat_id|_l|utm_[a-z_]+|gclid|fbclid|msclkid|mc_[a-z]+|_hs[a-z]+|original_referer|session_redirect|sessionId|requestId|_ga|_gl)$/i;
