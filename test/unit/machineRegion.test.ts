import { describe, expect, it } from 'vitest';
import { machineRegion } from '../../renderer/src/features/calendar/calendarStore';

describe('the English default calendar’s country (machineRegion)', () => {
  it('is the country the machine’s time zone is in, whatever the locale’s region (the desktop app’s locale is en-US or en-GB for every English speaker)', () => {
    expect(machineRegion('America/Toronto', 'en-US')).toBe('CA');
    expect(machineRegion('America/Vancouver', 'en-GB')).toBe('CA');
    expect(machineRegion('Australia/Sydney', 'en-GB')).toBe('AU');
    expect(machineRegion('Asia/Tokyo', 'en-US')).toBe('JP');
    expect(machineRegion('Europe/London', 'en-US')).toBe('GB');
    expect(machineRegion('America/Chicago', 'en-GB')).toBe('US');
    // Either name of India's zone (ICU calls Asia/Kolkata Asia/Calcutta).
    expect(machineRegion('Asia/Kolkata', 'en-US')).toBe('IN');
    expect(machineRegion('Asia/Calcutta', 'en-US')).toBe('IN');
  });

  it('is the locale’s region where the zone says nothing (UTC), and none in a country the app has no holidays of', () => {
    expect(machineRegion('UTC', 'en-GB')).toBe('GB');
    expect(machineRegion('Etc/UTC', 'en-US')).toBe('US');
    expect(machineRegion('UTC', 'en')).toBeUndefined();
    expect(machineRegion('UTC', undefined)).toBeUndefined();
    // A machine in São Paulo with an en-US locale: Brazil's holidays are not in the app, and the US's would be wrong.
    expect(machineRegion('America/Sao_Paulo', 'en-US')).toBeUndefined();
  });
});
