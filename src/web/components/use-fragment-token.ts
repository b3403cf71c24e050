import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Reads `#token=…` from the address once and then removes it from the address bar and history,
 * so the secret is not left on screen, in bookmarks or in the back button.
 */
export function useFragmentToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token'));
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);
  return token;
}
